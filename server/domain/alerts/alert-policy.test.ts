import { describe, expect, it } from "vitest";
import {
  alertKindOf,
  formatDuration,
  isAlerted,
  nextSendAt,
  retryDelayMs,
} from "@/server/domain/alerts/alert-policy";

describe("alertKindOf", () => {
  it.each([
    ["monitor", "up", "down", false, "down"],
    ["monitor", "degraded", "down", false, "down"],
    ["monitor", "down", "up", true, "recovery"],
    ["monitor", "down", "degraded", true, "recovery"],
    ["monitor", "pending", "up", false, null],
    ["monitor", "up", "degraded", false, null],
    ["monitor", "down", "paused", true, null],
    ["monitor", "paused", "pending", false, null],
    ["heartbeat", "up", "late", false, null],
    ["heartbeat", "late", "missing", false, "down"],
    ["heartbeat", "running", "failed", false, "down"],
    ["heartbeat", "missing", "up", true, "recovery"],
    ["heartbeat", "running", "up", true, "recovery"],
    ["heartbeat", "running", "up", false, null],
    ["heartbeat", "new", "up", false, null],
    ["heartbeat", "missing", "running", false, null],
  ] as const)("%s %s → %s (ends outage: %s) raises %s", (kind, from, to, ends, want) => {
    expect(alertKindOf(kind, { from, to }, ends)).toBe(want);
  });
});

describe("isAlerted", () => {
  it("honours the subject's down and recovery switches", () => {
    const on = { alertOnDown: true, alertOnRecovery: false };
    expect(isAlerted("down", on)).toBe(true);
    expect(isAlerted("recovery", on)).toBe(false);
    expect(isAlerted(null, on)).toBe(false);
  });
});

describe("nextSendAt", () => {
  const now = new Date("2026-11-26T10:00:00Z");
  it("sends at once after a quiet minute", () => {
    expect(nextSendAt(now, null)).toEqual(now);
    expect(nextSendAt(now, new Date("2026-11-26T09:58:59Z"))).toEqual(now);
  });
  it("waits for the end of the window that started at the last message", () => {
    expect(nextSendAt(now, new Date("2026-11-26T09:59:30Z"))).toEqual(
      new Date("2026-11-26T10:00:30Z"),
    );
  });
});

describe("retryDelayMs", () => {
  it("doubles from 15 s and stops growing at an hour", () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([15_000, 30_000, 60_000, 120_000]);
    expect(retryDelayMs(20)).toBe(3_600_000);
  });
});

describe("formatDuration", () => {
  it.each([
    [0, "0 s"],
    [42_000, "42 s"],
    [200_000, "3 min 20 s"],
    [1_500_000, "25 min"],
    [3_600_000 * 3 + 300_000, "3 h 5 min"],
    [86_400_000 * 2 + 3_600_000, "2 d 1 h"],
  ])("%d ms reads %s", (ms, text) => expect(formatDuration(ms)).toBe(text));
});
