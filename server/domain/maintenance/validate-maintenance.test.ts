import { describe, expect, it } from "vitest";
import {
  checkOccurrenceEnd,
  checkTiming,
  type TimingInput,
} from "@/server/domain/maintenance/validate-maintenance";
import type { MaintenanceTiming } from "@/server/domain/maintenance/maintenance-window";

const now = new Date("2026-12-01T00:00:00.000Z");
const d = (iso: string) => new Date(iso);
const none: TimingInput = {
  startsAt: null,
  endsAt: null,
  schedule: null,
  durationSecs: null,
  tz: "UTC",
};

describe("maintenance timing", () => {
  it.each([
    [
      "a one-off window ahead",
      { startsAt: d("2026-12-02T02:00:00Z"), endsAt: d("2026-12-02T04:00:00Z") },
      null,
    ],
    [
      "a window already running",
      { startsAt: d("2026-11-30T23:00:00Z"), endsAt: d("2026-12-01T01:00:00Z") },
      null,
    ],
    [
      "exactly 7 days",
      { startsAt: d("2026-12-02T00:00:00Z"), endsAt: d("2026-12-09T00:00:00Z") },
      null,
    ],
    [
      "a nightly schedule for an hour",
      { schedule: "0 2 * * *", durationSecs: 3600, tz: "Europe/Berlin" },
      null,
    ],
    [
      "a weekly schedule for 2 h",
      { schedule: "0 2 * * 0", durationSecs: 7200, tz: "Europe/Berlin" },
      null,
    ],
    ["nothing", {}, "starts_at"],
    [
      "both kinds",
      {
        startsAt: d("2026-12-02T02:00:00Z"),
        endsAt: d("2026-12-02T04:00:00Z"),
        schedule: "0 2 * * *",
        durationSecs: 60,
      },
      "schedule",
    ],
    ["no end", { startsAt: d("2026-12-02T02:00:00Z") }, "ends_at"],
    ["no start", { endsAt: d("2026-12-02T02:00:00Z") }, "starts_at"],
    [
      "an end before the start",
      { startsAt: d("2026-12-02T04:00:00Z"), endsAt: d("2026-12-02T02:00:00Z") },
      "ends_at",
    ],
    [
      "an end equal to the start",
      { startsAt: d("2026-12-02T04:00:00Z"), endsAt: d("2026-12-02T04:00:00Z") },
      "ends_at",
    ],
    [
      "a window over 7 days",
      { startsAt: d("2026-12-02T00:00:00Z"), endsAt: d("2026-12-09T00:00:01Z") },
      "ends_at",
    ],
    [
      "a window that has ended",
      { startsAt: d("2026-11-29T00:00:00Z"), endsAt: d("2026-11-30T00:00:00Z") },
      "ends_at",
    ],
    ["a schedule without duration", { schedule: "0 2 * * *" }, "duration_secs"],
    ["a duration without schedule", { durationSecs: 3600 }, "schedule"],
    ["a duration under a minute", { schedule: "0 2 * * *", durationSecs: 59 }, "duration_secs"],
    ["a duration over 7 days", { schedule: "0 2 1 * *", durationSecs: 604_801 }, "duration_secs"],
    ["a fractional duration", { schedule: "0 2 * * *", durationSecs: 90.5 }, "duration_secs"],
    ["a cron that never fires", { schedule: "0 0 30 2 *", durationSecs: 3600 }, "schedule"],
    ["a cron with six fields", { schedule: "0 0 2 * * *", durationSecs: 3600 }, "schedule"],
    ["an unknown zone", { schedule: "0 2 * * *", durationSecs: 3600, tz: "Mars/Olympus" }, "tz"],
    [
      "windows running into each other",
      { schedule: "0 * * * *", durationSecs: 7200 },
      "duration_secs",
    ],
  ] as const)("%s → %s", (_name, input, field) => {
    expect(checkTiming({ ...none, ...input }, now)?.field ?? null).toBe(field);
  });

  it("says why in the user's words", () => {
    expect(
      checkTiming(
        { ...none, startsAt: d("2026-12-02T00:00:00Z"), endsAt: d("2026-12-10T00:00:00Z") },
        now,
      )?.message,
    ).toBe("ends_at: a window lasts at most 7 days (this one lasts 8 d)");
  });
});

describe("ending or extending a schedule's window in progress", () => {
  const nightly: MaintenanceTiming = {
    startsAt: null,
    endsAt: null,
    schedule: "0 2 * * *",
    durationSecs: 3600,
    tz: "UTC",
    cancelledAt: null,
    adjusted: null,
  };
  const inside = d("2026-12-01T02:30:00Z");

  it.each([
    ["ending it now", "2026-12-01T02:30:00Z", null],
    ["extending it by an hour", "2026-12-01T04:00:00Z", null],
    ["an end in the past", "2026-12-01T02:10:00Z", "ends_at"],
    ["an end past the next night's start", "2026-12-02T02:00:01Z", "ends_at"],
  ] as const)("%s → %s", (_name, end, field) => {
    expect(checkOccurrenceEnd(nightly, d(end), inside)?.field ?? null).toBe(field);
  });

  it("refuses when no window runs", () => {
    expect(
      checkOccurrenceEnd(nightly, d("2026-12-01T12:00:00Z"), d("2026-12-01T11:00:00Z"))?.field,
    ).toBe("ends_at");
  });
});
