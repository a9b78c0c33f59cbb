import { describe, expect, it } from "vitest";
import {
  lastEndedWindow,
  nextBoundaryAfter,
  nextWindowAfter,
  windowAt,
  windowsBetween,
  type MaintenanceTiming,
  type Window,
} from "@/server/domain/maintenance/maintenance-window";

const d = (iso: string) => new Date(iso);
const iso = (w: Window | null) => w && [w.startsAt.toISOString(), w.endsAt.toISOString()];

const oneOff = (startsAt: string, endsAt: string, extra: Partial<MaintenanceTiming> = {}) =>
  ({
    startsAt: d(startsAt),
    endsAt: d(endsAt),
    schedule: null,
    durationSecs: null,
    tz: "UTC",
    cancelledAt: null,
    adjusted: null,
    ...extra,
  }) satisfies MaintenanceTiming;

const recurring = (
  schedule: string,
  durationSecs: number,
  tz: string,
  extra: Partial<MaintenanceTiming> = {},
) =>
  ({
    startsAt: null,
    endsAt: null,
    schedule,
    durationSecs,
    tz,
    cancelledAt: null,
    adjusted: null,
    ...extra,
  }) satisfies MaintenanceTiming;

// Every Sunday 02:00 Europe/Berlin for two hours.
const sundayBerlin = recurring("0 2 * * 0", 7200, "Europe/Berlin");

describe("a one-off window", () => {
  const w = oneOff("2026-11-29T02:00:00.000Z", "2026-11-29T03:00:00.000Z");
  it.each([
    ["before it", "2026-11-29T01:59:59.999Z", null],
    [
      "at its start",
      "2026-11-29T02:00:00.000Z",
      ["2026-11-29T02:00:00.000Z", "2026-11-29T03:00:00.000Z"],
    ],
    [
      "inside",
      "2026-11-29T02:30:00.000Z",
      ["2026-11-29T02:00:00.000Z", "2026-11-29T03:00:00.000Z"],
    ],
    ["at its end (ends are exclusive)", "2026-11-29T03:00:00.000Z", null],
  ] as const)("%s", (_name, at, expected) => {
    expect(iso(windowAt(w, d(at)))).toEqual(expected);
  });

  it("ends at the cancellation when cancelled while it runs", () => {
    const cancelled = { ...w, cancelledAt: d("2026-11-29T02:20:00.000Z") };
    expect(windowAt(cancelled, d("2026-11-29T02:10:00.000Z"))?.endsAt.toISOString()).toBe(
      "2026-11-29T02:20:00.000Z",
    );
    expect(windowAt(cancelled, d("2026-11-29T02:30:00.000Z"))).toBeNull();
  });

  it("never runs when cancelled before it starts", () => {
    const cancelled = { ...w, cancelledAt: d("2026-11-28T00:00:00.000Z") };
    expect(nextWindowAfter(cancelled, d("2026-11-28T01:00:00.000Z"))).toBeNull();
    expect(windowAt(cancelled, d("2026-11-29T02:30:00.000Z"))).toBeNull();
  });
});

describe("a recurring window every Sunday 02:00 Europe/Berlin for 2 h", () => {
  it.each([
    [
      "in winter (CET, 01:00Z)",
      "2026-01-11T01:30:00.000Z",
      ["2026-01-11T01:00:00.000Z", "2026-01-11T03:00:00.000Z"],
    ],
    [
      "in summer (CEST, 00:00Z)",
      "2026-07-12T00:30:00.000Z",
      ["2026-07-12T00:00:00.000Z", "2026-07-12T02:00:00.000Z"],
    ],
    ["not before 02:00 local in summer", "2026-07-11T23:59:00.000Z", null],
    ["not at 02:00 UTC in summer (04:00 local)", "2026-07-12T02:00:00.000Z", null],
    // 02:00 does not exist on 29 March 2026: the window starts at 03:00 CEST (01:00Z), like cronie.
    [
      "on the spring-forward Sunday, from the first minute after the gap",
      "2026-03-29T01:00:00.000Z",
      ["2026-03-29T01:00:00.000Z", "2026-03-29T03:00:00.000Z"],
    ],
    ["not in the gap", "2026-03-29T00:59:00.000Z", null],
    // 02:00 happens twice on 25 October 2026: one window, from the first (CEST, 00:00Z), 2 h of real time.
    [
      "on the fall-back Sunday, from the first 02:00",
      "2026-10-25T00:00:00.000Z",
      ["2026-10-25T00:00:00.000Z", "2026-10-25T02:00:00.000Z"],
    ],
    ["and not again at the second 02:00 + 1 h", "2026-10-25T02:30:00.000Z", null],
  ] as const)("%s", (_name, at, expected) => {
    expect(iso(windowAt(sundayBerlin, d(at)))).toEqual(expected);
  });

  it("lists the next windows across the switch to summer time", () => {
    const windows = windowsBetween(
      sundayBerlin,
      d("2026-03-20T00:00:00.000Z"),
      d("2026-04-06T00:00:00.000Z"),
    );
    expect(windows.map((w) => w.startsAt.toISOString())).toEqual([
      "2026-03-22T01:00:00.000Z",
      "2026-03-29T01:00:00.000Z",
      "2026-04-05T00:00:00.000Z",
    ]);
  });

  it("cuts windows to the range asked for", () => {
    const windows = windowsBetween(
      sundayBerlin,
      d("2026-01-11T02:00:00.000Z"),
      d("2026-01-11T02:30:00.000Z"),
    );
    expect(windows.map(iso)).toEqual([["2026-01-11T02:00:00.000Z", "2026-01-11T02:30:00.000Z"]]);
  });

  it("ends the adjusted occurrence when it was ended early, and the next ones as scheduled", () => {
    const t = {
      ...sundayBerlin,
      adjusted: { startsAt: d("2026-01-11T01:00:00.000Z"), endsAt: d("2026-01-11T01:20:00.000Z") },
    };
    expect(windowAt(t, d("2026-01-11T01:30:00.000Z"))).toBeNull();
    expect(iso(lastEndedWindow(t, d("2026-01-11T01:30:00.000Z")))).toEqual([
      "2026-01-11T01:00:00.000Z",
      "2026-01-11T01:20:00.000Z",
    ]);
    expect(iso(windowAt(t, d("2026-01-18T01:30:00.000Z")))).toEqual([
      "2026-01-18T01:00:00.000Z",
      "2026-01-18T03:00:00.000Z",
    ]);
  });

  it("runs no window after it was cancelled", () => {
    const t = { ...sundayBerlin, cancelledAt: d("2026-01-12T00:00:00.000Z") };
    expect(nextWindowAfter(t, d("2026-01-12T00:00:00.000Z"))).toBeNull();
    expect(windowAt(t, d("2026-01-18T01:30:00.000Z"))).toBeNull();
  });
});

describe("the next boundary a scheduler waits for", () => {
  it.each([
    [
      "the start, before a one-off window",
      oneOff("2026-11-29T02:00:00.000Z", "2026-11-29T03:00:00.000Z"),
      "2026-11-29T01:00:00.000Z",
      "2026-11-29T02:00:00.000Z",
    ],
    [
      "the end, inside it",
      oneOff("2026-11-29T02:00:00.000Z", "2026-11-29T03:00:00.000Z"),
      "2026-11-29T02:00:00.000Z",
      "2026-11-29T03:00:00.000Z",
    ],
    [
      "nothing, after it",
      oneOff("2026-11-29T02:00:00.000Z", "2026-11-29T03:00:00.000Z"),
      "2026-11-29T03:00:00.000Z",
      null,
    ],
    [
      "the next Sunday's start, between windows",
      sundayBerlin,
      "2026-01-11T03:00:00.000Z",
      "2026-01-18T01:00:00.000Z",
    ],
  ] as const)("%s", (_name, timing, now, expected) => {
    expect(nextBoundaryAfter(timing, d(now))?.toISOString() ?? null).toBe(expected);
  });
});
