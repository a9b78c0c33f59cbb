import { describe, expect, it } from "vitest";
import {
  allFineSentence,
  compareProblems,
  perMinute,
  problemSeverity,
} from "@/server/domain/overview/overview-problems";

describe("overview problems", () => {
  it.each([
    ["monitor", "down", "outage"],
    ["monitor", "degraded", "warning"],
    ["monitor", "up", null],
    ["monitor", "pending", null],
    ["monitor", "paused", null],
    ["heartbeat", "missing", "outage"],
    ["heartbeat", "failed", "outage"],
    ["heartbeat", "late", "warning"],
    ["heartbeat", "running", null],
    ["heartbeat", "new", null],
    ["heartbeat", "paused", null],
  ] as const)("a %s that is %s is a %s problem", (kind, state, severity) => {
    expect(problemSeverity({ kind, state } as Parameters<typeof problemSeverity>[0])).toBe(
      severity,
    );
  });

  it("puts outages before warnings, and the oldest first within each", () => {
    const at = (m: number) => new Date(Date.UTC(2026, 0, 1, 0, m));
    const items = [
      { name: "late", severity: "warning" as const, since: at(1) },
      { name: "new outage", severity: "outage" as const, since: at(9) },
      { name: "fine", severity: null, since: at(0) },
      { name: "old outage", severity: "outage" as const, since: at(2) },
    ];
    expect(items.sort(compareProblems).map((i) => i.name)).toEqual([
      "old outage",
      "new outage",
      "late",
      "fine",
    ]);
  });

  it("counts per minute to one decimal", () => {
    expect(perMinute(31, 5)).toBe(6.2);
    expect(perMinute(0, 5)).toBe(0);
    expect(perMinute(3, 0)).toBe(0);
  });

  it.each([
    [{ monitors: 12, heartbeats: 3, paused: 0 }, "All 12 monitors and 3 heartbeats are fine"],
    [{ monitors: 2, heartbeats: 0, paused: 0 }, "All 2 monitors are fine"],
    [{ monitors: 1, heartbeats: 4, paused: 0 }, "All 1 monitor and 4 heartbeats are fine"],
    [{ monitors: 1, heartbeats: 0, paused: 0 }, "Your monitor is fine"],
    [{ monitors: 0, heartbeats: 1, paused: 0 }, "Your heartbeat is fine"],
    [{ monitors: 1, heartbeats: 1, paused: 1 }, "Your monitor and heartbeat are fine (1 paused)"],
  ])("says calmly that %j is fine", (counts, sentence) => {
    expect(allFineSentence(counts)).toBe(sentence);
  });
});
