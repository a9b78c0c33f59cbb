import { describe, expect, it } from "vitest";
import { DAY_MS, dailyUptime, firstBarDay } from "@/server/domain/status-pages/daily-uptime";
import type { UptimeRules } from "@/server/domain/uptime/uptime";

type S = "pending" | "up" | "down" | "paused";
const rules: UptimeRules<S> = {
  isMonitored: (s) => s === "up" || s === "down",
  isDown: (s) => s === "down",
};
const t = (iso: string) => new Date(iso);
const ms = (iso: string) => Date.parse(iso);

describe("dailyUptime", () => {
  const now = t("2026-11-26T12:00:00.000Z");
  const firstDay = firstBarDay(now, 3);

  it("starts the window at midnight UTC, days - 1 days before today", () => {
    expect(firstDay.toISOString()).toBe("2026-11-24T00:00:00.000Z");
  });

  it("splits an outage across the days it spans and counts today up to now", () => {
    const days = dailyUptime<S>(
      "up",
      [
        { atMs: ms("2026-11-24T23:00:00.000Z"), to: "down" },
        { atMs: ms("2026-11-25T01:00:00.000Z"), to: "up" },
        { atMs: ms("2026-11-26T06:00:00.000Z"), to: "down" },
      ],
      { firstDayMs: firstDay.getTime(), days: 3, nowMs: now.getTime() },
      rules,
    );
    expect(days.map((d) => d.downMs)).toEqual([3_600_000, 3_600_000, 6 * 3_600_000]);
    expect(days[0]!.uptime).toBeCloseTo(23 / 24, 10);
    expect(days[1]!.uptime).toBeCloseTo(23 / 24, 10);
    expect(days[2]!.monitoredMs).toBe(12 * 3_600_000);
    expect(days[2]!.uptime).toBeCloseTo(0.5, 10);
  });

  it("has no figure for days before the subject existed or while paused", () => {
    const days = dailyUptime<S>(
      null,
      [
        { atMs: ms("2026-11-25T12:00:00.000Z"), to: "up" },
        { atMs: ms("2026-11-26T00:00:00.000Z"), to: "paused" },
      ],
      { firstDayMs: firstDay.getTime(), days: 3, nowMs: now.getTime() },
      rules,
    );
    expect(days[0]).toEqual({ monitoredMs: 0, downMs: 0, uptime: null });
    expect(days[1]).toEqual({ monitoredMs: DAY_MS / 2, downMs: 0, uptime: 1 });
    expect(days[2]!.uptime).toBeNull();
  });

  it("applies a change exactly at midnight to the day it opens", () => {
    const days = dailyUptime<S>(
      "up",
      [{ atMs: ms("2026-11-25T00:00:00.000Z"), to: "down" }],
      { firstDayMs: firstDay.getTime(), days: 2, nowMs: ms("2026-11-26T00:00:00.000Z") },
      rules,
    );
    expect(days.map((d) => d.uptime)).toEqual([1, 0]);
  });
});
