import {
  uptimeBetween,
  type TimedChange,
  type UptimeFigures,
  type UptimeRules,
} from "@/server/domain/uptime/uptime";
import { DAY_MS, dailyUptime } from "@/server/domain/status-pages/daily-uptime";

/** The state a subject is counted in while a maintenance window covers it: not monitored. */
const IN_MAINTENANCE = "maintenance" as const;
export type WithMaintenance<S extends string> = S | typeof IN_MAINTENANCE;

/** [start, end) in epoch milliseconds. */
export type Span = readonly [number, number];

/** Windows as sorted spans, overlapping or touching ones merged. */
export function mergeSpans(windows: readonly { startsAt: Date; endsAt: Date }[]): Span[] {
  const sorted = windows
    .map((w) => [w.startsAt.getTime(), w.endsAt.getTime()] as const)
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = out.at(-1);
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/**
 * A subject's changes with its maintenance laid over them: inside a span the state is
 * `maintenance` (not monitored), and at the span's end the state the checks left it in comes
 * back. `initial` is the state at `startMs`; `changes` and `spans` are oldest first.
 */
export function overlayMaintenance<S extends string>(
  initial: S | null,
  changes: readonly TimedChange<S>[],
  spans: readonly Span[],
  startMs: number,
): { initial: WithMaintenance<S> | null; changes: TimedChange<WithMaintenance<S>>[] } {
  const live = spans.filter(([, b]) => b > startMs);
  if (live.length === 0) return { initial, changes: [...changes] };
  let underlying = initial;
  let inSpan = live[0]![0] <= startMs;
  // live[s] is the span we are in, or the next one.
  let s = 0;
  let c = 0;
  const out: TimedChange<WithMaintenance<S>>[] = [];
  for (;;) {
    const span = live[s];
    const boundary = span ? (inSpan ? span[1] : span[0]) : Number.POSITIVE_INFINITY;
    const change = changes[c];
    if (!change && !span) break;
    if (change && change.atMs <= boundary) {
      underlying = change.to;
      if (!inSpan) out.push(change);
      c++;
    } else if (inSpan) {
      inSpan = false;
      s++;
      if (underlying !== null) out.push({ atMs: boundary, to: underlying });
    } else {
      inSpan = true;
      out.push({ atMs: Math.max(boundary, startMs), to: IN_MAINTENANCE });
    }
  }
  return { initial: live[0]![0] <= startMs ? IN_MAINTENANCE : initial, changes: out };
}

/** The rules with maintenance counted as neither monitored nor down. */
export function withMaintenance<S extends string>(
  rules: UptimeRules<S>,
): UptimeRules<WithMaintenance<S>> {
  return {
    isMonitored: (s) => s !== IN_MAINTENANCE && rules.isMonitored(s),
    isDown: (s) => s !== IN_MAINTENANCE && rules.isDown(s),
  };
}

/**
 * Seconds of maintenance on each UTC day from `firstDayMs` for `days` days, up to `nowMs`, as
 * sparse [day index, seconds] pairs in day order (days without maintenance left out).
 */
export function dailyMaintenanceSecs(
  spans: readonly Span[],
  window: { firstDayMs: number; days: number; nowMs: number },
): [number, number][] {
  const perDay = new Map<number, number>();
  const endMs = Math.min(window.firstDayMs + window.days * DAY_MS, window.nowMs);
  for (const [a0, b0] of spans) {
    const a = Math.max(a0, window.firstDayMs);
    const b = Math.min(b0, endMs);
    for (let t = a; t < b;) {
      const idx = Math.floor((t - window.firstDayMs) / DAY_MS);
      const dayEnd = Math.min(window.firstDayMs + (idx + 1) * DAY_MS, b);
      perDay.set(idx, (perDay.get(idx) ?? 0) + (dayEnd - t));
      t = dayEnd;
    }
  }
  return [...perDay]
    .sort((x, y) => x[0] - y[0])
    .map(([idx, ms]) => [idx, Math.round(ms / 1000)] as [number, number]);
}

/**
 * A service's bars and 30-day uptime with its maintenance time left out: daily figures from
 * `window.firstDayMs`, the last 30 days up to `nowMs`, and the seconds of maintenance per day.
 * `initial` is the state at the first day's start and `changes` those after it.
 */
export function barsWithMaintenance<S extends string>(
  initial: S | null,
  changes: readonly TimedChange<S>[],
  spans: readonly Span[],
  window: { firstDayMs: number; days: number; nowMs: number },
  rules: UptimeRules<S>,
) {
  const o = overlayMaintenance(initial, changes, spans, window.firstDayMs);
  const counted = withMaintenance(rules);
  return {
    days: dailyUptime(o.initial, o.changes, window, counted),
    month: uptimeBetween(
      o.initial,
      o.changes,
      0,
      window.nowMs - 30 * DAY_MS,
      window.nowMs,
      counted,
    ),
    maintenanceDays: dailyMaintenanceSecs(spans, window),
  };
}

/** Milliseconds of `spans` (merged) inside [fromMs, toMs). */
export function maintenanceMsBetween(spans: readonly Span[], fromMs: number, toMs: number): number {
  let ms = 0;
  for (const [a, b] of spans) ms += Math.max(0, Math.min(b, toMs) - Math.max(a, fromMs));
  return ms;
}

/**
 * Uptime over [fromMs, toMs) with maintenance time left out of it, and how much maintenance fell
 * in the range. `initial` is the state at `fromMs`, `changes` those after it, oldest first.
 */
export function uptimeWithoutMaintenance<S extends string>(
  initial: S | null,
  changes: readonly TimedChange<S>[],
  spans: readonly Span[],
  range: { fromMs: number; toMs: number },
  rules: UptimeRules<S>,
): UptimeFigures & { maintenanceMs: number } {
  const o = overlayMaintenance(initial, changes, spans, range.fromMs);
  return {
    ...uptimeBetween(o.initial, o.changes, 0, range.fromMs, range.toMs, withMaintenance(rules)),
    maintenanceMs: maintenanceMsBetween(spans, range.fromMs, range.toMs),
  };
}
