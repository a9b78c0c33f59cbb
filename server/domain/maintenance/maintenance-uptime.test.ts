import { describe, expect, it } from "vitest";
import {
  barsWithMaintenance,
  dailyMaintenanceSecs,
  maintenanceMsBetween,
  mergeSpans,
  overlayMaintenance,
  uptimeWithoutMaintenance,
  withMaintenance,
} from "@/server/domain/maintenance/maintenance-uptime";
import { uptimeBetween, type TimedChange, type UptimeRules } from "@/server/domain/uptime/uptime";
import { dailyUptime, DAY_MS } from "@/server/domain/status-pages/daily-uptime";

type S = "up" | "down" | "paused";
const rules: UptimeRules<S> = { isMonitored: (s) => s !== "paused", isDown: (s) => s === "down" };
const H = 3_600_000;
const T0 = Date.UTC(2026, 11, 1);
const span = (fromH: number, toH: number) => [T0 + fromH * H, T0 + toH * H] as const;
const at = (h: number, to: S): TimedChange<S> => ({ atMs: T0 + h * H, to });

/** Uptime over [fromH, toH) hours after T0 with the spans laid over. */
function uptime(
  initial: S,
  changes: TimedChange<S>[],
  spans: (readonly [number, number])[],
  toH: number,
) {
  const o = overlayMaintenance(initial, changes, spans, T0);
  return uptimeBetween(o.initial, o.changes, 0, T0, T0 + toH * H, withMaintenance(rules));
}

describe("uptime without maintenance time", () => {
  it.each([
    ["no window: down 1 h of 10", [at(2, "down"), at(3, "up")], [], 0.9],
    ["down only inside the window: 100%", [at(2, "down"), at(3, "up")], [span(1, 4)], 1],
    [
      "down across the window's start: only the hour before counts",
      [at(1, "down"), at(5, "up")],
      [span(2, 6)],
      1 - 1 / 6,
    ],
    [
      "still down when the window ends: the time after counts",
      [at(3, "down"), at(8, "up")],
      [span(2, 6)],
      1 - 2 / 6,
    ],
    ["a window from the start", [at(1, "down"), at(2, "up")], [span(-1, 3)], 1],
  ] as const)("%s", (_name, changes, spans, expected) => {
    expect(uptime("up", [...changes], [...spans], 10).uptime).toBeCloseTo(expected, 10);
  });

  it("leaves the window out of the monitored time", () => {
    expect(uptime("up", [], [span(2, 5)], 10).monitoredMs).toBe(7 * H);
  });

  it("reads nothing monitored inside a window that covers the whole range", () => {
    expect(uptime("down", [], [span(-1, 11)], 10).uptime).toBeNull();
  });

  it("keeps a change at the window's end", () => {
    const o = overlayMaintenance<S>("up", [at(4, "down")], [span(2, 4)], T0);
    expect(o.changes).toEqual([
      { atMs: T0 + 2 * H, to: "maintenance" },
      { atMs: T0 + 4 * H, to: "down" },
    ]);
  });

  it("merges overlapping and touching windows", () => {
    const spans = mergeSpans([
      { startsAt: new Date(T0 + 3 * H), endsAt: new Date(T0 + 5 * H) },
      { startsAt: new Date(T0), endsAt: new Date(T0 + 2 * H) },
      { startsAt: new Date(T0 + H), endsAt: new Date(T0 + 3 * H) },
    ]);
    expect(spans).toEqual([[T0, T0 + 5 * H]]);
  });

  it("gives 90-day bars a day without maintenance time", () => {
    const o = overlayMaintenance<S>("up", [at(2, "down"), at(3, "up")], [span(1, 4)], T0);
    const days = dailyUptime(
      o.initial,
      o.changes,
      { firstDayMs: T0, days: 2, nowMs: T0 + 30 * H },
      withMaintenance(rules),
    );
    expect(days.map((x) => [x.uptime, x.monitoredMs / H])).toEqual([
      [1, 21],
      [1, 6],
    ]);
  });
});

describe("maintenance seconds per day", () => {
  it("splits a window across midnight and stops at now", () => {
    const spans = [span(22, 26), span(40, 60)];
    expect(dailyMaintenanceSecs(spans, { firstDayMs: T0, days: 3, nowMs: T0 + 50 * H })).toEqual([
      [0, 2 * 3600],
      [1, 2 * 3600 + 8 * 3600],
      [2, 2 * 3600],
    ]);
  });

  it("ignores windows before the first day", () => {
    expect(
      dailyMaintenanceSecs([span(-30, -20)], { firstDayMs: T0, days: 2, nowMs: T0 + 2 * DAY_MS }),
    ).toEqual([]);
  });
});

describe("bars with maintenance", () => {
  it("gives the days, the month and the maintenance seconds in one call", () => {
    const bars = barsWithMaintenance<S>(
      "up",
      [at(2, "down"), at(3, "up"), at(30, "down")],
      [span(1, 4)],
      { firstDayMs: T0, days: 2, nowMs: T0 + 31 * H },
      rules,
    );
    expect(bars.days.map((d) => d.downMs / H)).toEqual([0, 1]);
    expect(bars.month.monitoredMs).toBe((30 * 24 - 3) * H);
    expect(bars.maintenanceDays).toEqual([[0, 3 * 3600]]);
  });
});

describe("uptime of a range without maintenance", () => {
  const range = { fromMs: T0, toMs: T0 + 24 * H };
  it.each([
    ["no window: down 2 h of 24", [], 1 - 2 / 24, 0],
    ["half the outage in a window: 1 h down of 23", [span(11, 12)], 1 - 1 / 23, H],
    ["the whole outage in a window", [span(10, 12)], 1, 2 * H],
    ["a window before the range counts nothing", [span(-5, -1)], 1 - 2 / 24, 0],
    ["a window cut at the range's end", [span(23, 30)], 1 - 2 / 23, H],
  ])("%s", (_name, spans, expected, maintenanceMs) => {
    const got = uptimeWithoutMaintenance(
      "up" as S,
      [at(10, "down"), at(12, "up")],
      spans,
      range,
      rules,
    );
    expect(got.uptime).toBeCloseTo(expected, 12);
    expect(got.maintenanceMs).toBe(maintenanceMs);
  });

  it("adds up only the part of each window inside the range", () => {
    expect(maintenanceMsBetween([span(-1, 1), span(5, 6)], T0, T0 + 5.5 * H)).toBe(1.5 * H);
  });
});
