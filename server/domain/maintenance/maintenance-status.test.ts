import { describe, expect, it } from "vitest";
import {
  activeAndUpcoming,
  isSubjectInWindow,
  maintenanceStatus,
  shownWindow,
  statuspageStatus,
  subjectsInWindow,
} from "@/server/domain/maintenance/maintenance-status";
import type { MaintenanceTiming } from "@/server/domain/maintenance/maintenance-window";

const d = (iso: string) => new Date(iso);
const base: MaintenanceTiming = {
  startsAt: null,
  endsAt: null,
  schedule: null,
  durationSecs: null,
  tz: "UTC",
  cancelledAt: null,
  adjusted: null,
};
const oneOff = (startsAt: string, endsAt: string, cancelledAt?: string): MaintenanceTiming => ({
  ...base,
  startsAt: d(startsAt),
  endsAt: d(endsAt),
  cancelledAt: cancelledAt ? d(cancelledAt) : null,
});
const nightly = (extra: Partial<MaintenanceTiming> = {}): MaintenanceTiming => ({
  ...base,
  schedule: "0 2 * * *",
  durationSecs: 3600,
  ...extra,
});

describe("maintenance status", () => {
  it.each([
    [
      "scheduled before its window",
      oneOff("2026-12-01T02:00:00Z", "2026-12-01T03:00:00Z"),
      "2026-12-01T01:00:00Z",
      "scheduled",
    ],
    [
      "in progress inside it",
      oneOff("2026-12-01T02:00:00Z", "2026-12-01T03:00:00Z"),
      "2026-12-01T02:00:00Z",
      "in_progress",
    ],
    [
      "completed after it",
      oneOff("2026-12-01T02:00:00Z", "2026-12-01T03:00:00Z"),
      "2026-12-01T03:00:00Z",
      "completed",
    ],
    [
      "cancelled before it ran",
      oneOff("2026-12-01T02:00:00Z", "2026-12-01T03:00:00Z", "2026-11-30T00:00:00Z"),
      "2026-12-01T02:30:00Z",
      "cancelled",
    ],
    [
      "cancelled while it ran",
      oneOff("2026-12-01T02:00:00Z", "2026-12-01T03:00:00Z", "2026-12-01T02:10:00Z"),
      "2026-12-01T02:30:00Z",
      "cancelled",
    ],
    [
      "still in progress until a future cancellation",
      oneOff("2026-12-01T02:00:00Z", "2026-12-01T03:00:00Z", "2026-12-01T02:40:00Z"),
      "2026-12-01T02:30:00Z",
      "in_progress",
    ],
    ["a schedule between its windows is scheduled", nightly(), "2026-12-01T12:00:00Z", "scheduled"],
    ["a schedule inside a window is in progress", nightly(), "2026-12-01T02:59:59Z", "in_progress"],
  ] as const)("%s", (_name, timing, now, expected) => {
    expect(maintenanceStatus(timing, d(now))).toBe(expected);
  });

  it.each([
    ["scheduled", null, "scheduled"],
    ["in_progress", "in_progress", "in_progress"],
    ["in_progress", "verifying", "verifying"],
    ["completed", "verifying", "completed"],
    ["cancelled", null, null],
  ] as const)("%s with a latest update %s reads %s on Statuspage", (status, update, expected) => {
    expect(statuspageStatus(status, update)).toBe(expected);
  });

  it("shows a completed schedule's last window, and a cancelled one-off its declared window", () => {
    const ended = nightly({ cancelledAt: d("2026-12-01T12:00:00Z") });
    expect(shownWindow(ended, d("2026-12-02T12:00:00Z"))?.startsAt.toISOString()).toBe(
      "2026-12-01T02:00:00.000Z",
    );
    const cancelled = oneOff(
      "2026-12-05T02:00:00Z",
      "2026-12-05T03:00:00Z",
      "2026-12-01T00:00:00Z",
    );
    expect(shownWindow(cancelled, d("2026-12-02T00:00:00Z"))?.startsAt.toISOString()).toBe(
      "2026-12-05T02:00:00.000Z",
    );
  });
});

describe("active and upcoming maintenance", () => {
  const now = d("2026-12-01T02:30:00Z");
  const items = [
    { id: "later", timing: oneOff("2026-12-05T00:00:00Z", "2026-12-05T01:00:00Z") },
    { id: "beyond a week", timing: oneOff("2026-12-08T03:00:00Z", "2026-12-08T04:00:00Z") },
    { id: "done", timing: oneOff("2026-11-30T00:00:00Z", "2026-11-30T01:00:00Z") },
    { id: "nightly", timing: nightly() },
    { id: "soon", timing: oneOff("2026-12-01T06:00:00Z", "2026-12-01T07:00:00Z") },
    {
      id: "cancelled",
      timing: oneOff("2026-12-02T00:00:00Z", "2026-12-02T01:00:00Z", "2026-11-01T00:00:00Z"),
    },
  ];

  it("lists what runs now first, then what starts within 7 days, soonest first", () => {
    expect(activeAndUpcoming(items, now).map((s) => [s.item.id, s.active])).toEqual([
      ["nightly", true],
      ["soon", false],
      ["later", false],
    ]);
  });

  it("shows a schedule with its next window once the current one ended", () => {
    const [first] = activeAndUpcoming([{ timing: nightly() }], d("2026-12-01T03:00:00Z"));
    expect(first?.window.startsAt.toISOString()).toBe("2026-12-02T02:00:00.000Z");
    expect(first?.active).toBe(false);
  });
});

describe("subjects in a window", () => {
  const items = [
    {
      timing: oneOff("2026-12-01T02:00:00Z", "2026-12-01T03:00:00Z"),
      subjects: [{ kind: "monitor" as const, id: "db" }],
    },
    { timing: nightly(), subjects: [{ kind: "heartbeat" as const, id: "backup" }] },
  ];

  it.each([
    ["a subject of the window, inside it", "monitor", "db", "2026-12-01T02:10:00Z", true],
    ["a subject of the window, after it", "monitor", "db", "2026-12-01T03:00:00Z", false],
    ["a subject the window does not name", "monitor", "api", "2026-12-01T02:10:00Z", false],
    ["the same id of another kind", "heartbeat", "db", "2026-12-01T02:10:00Z", false],
    [
      "a schedule's subject in tonight's window",
      "heartbeat",
      "backup",
      "2026-12-03T02:59:00Z",
      true,
    ],
  ] as const)("%s → %s", (_name, kind, id, at, expected) => {
    expect(isSubjectInWindow(items, { kind, id }, d(at))).toBe(expected);
  });

  it("collects the subjects covered at a moment", () => {
    expect([...subjectsInWindow(items, d("2026-12-01T02:10:00Z"))].sort()).toEqual([
      "backup",
      "db",
    ]);
  });
});
