import { describe, expect, it } from "vitest";
import { computeUptime, type UptimeRules } from "@/server/domain/uptime/uptime";

type S = "pending" | "up" | "degraded" | "down" | "paused";
const rules: UptimeRules<S> = {
  isMonitored: (s) => s === "up" || s === "degraded" || s === "down",
  isDown: (s) => s === "down",
};
const t = (hh: number, mm = 0) => new Date(Date.UTC(2026, 10, 25, hh, mm));
const day = { from: t(0), to: t(24) };

describe("uptime from state intervals", () => {
  it("is 100% with no change while up", () => {
    expect(computeUptime<S>("up", [], day, rules)).toEqual({
      monitoredMs: 86_400_000,
      downMs: 0,
      uptime: 1,
    });
  });

  it("counts exactly the down interval", () => {
    const r = computeUptime<S>(
      "up",
      [
        { at: t(6), to: "down" },
        { at: t(12), to: "up" },
      ],
      day,
      rules,
    );
    expect(r.downMs).toBe(6 * 3_600_000);
    expect(r.uptime).toBeCloseTo(0.75, 10);
  });

  it("does not count paused or pending time as monitored", () => {
    const r = computeUptime<S>(
      "pending",
      [
        { at: t(12), to: "up" },
        { at: t(18), to: "paused" },
      ],
      day,
      rules,
    );
    expect(r.monitoredMs).toBe(6 * 3_600_000);
    expect(r.uptime).toBe(1);
  });

  it("treats degraded as up", () => {
    expect(computeUptime<S>("degraded", [], day, rules).uptime).toBe(1);
  });

  it("clips changes outside the window and an open outage at the window end", () => {
    const r = computeUptime<S>(
      "down",
      [
        { at: t(1), to: "up" },
        { at: t(23), to: "down" },
        { at: t(25), to: "up" },
      ],
      day,
      rules,
    );
    expect(r.downMs).toBe(2 * 3_600_000);
  });

  it("has no figure when nothing was monitored", () => {
    expect(computeUptime<S>(null, [], day, rules)).toEqual({
      monitoredMs: 0,
      downMs: 0,
      uptime: null,
    });
  });

  it("is independent of how often checks ran: only the flips matter", () => {
    const r = computeUptime<S>(
      null,
      [
        { at: t(0, 30), to: "up" },
        { at: t(0, 45), to: "down" },
        { at: t(1), to: "up" },
      ],
      { from: t(0), to: t(2) },
      rules,
    );
    expect(r.monitoredMs).toBe(90 * 60_000);
    expect(r.downMs).toBe(15 * 60_000);
  });
});
