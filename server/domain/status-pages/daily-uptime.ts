import { uptimeBetween, type TimedChange, type UptimeRules } from "@/server/domain/uptime/uptime";

export const DAY_MS = 86_400_000;

export type DayFigures = { monitoredMs: number; downMs: number; uptime: number | null };

/** Midnight UTC of the day `days - 1` days before `now`'s day: the first day a bar shows. */
export function firstBarDay(now: Date, days: number): Date {
  const today = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  return new Date(today - (days - 1) * DAY_MS);
}

const NO_DATA: DayFigures = Object.freeze({ monitoredMs: 0, downMs: 0, uptime: null });

/**
 * Uptime of each UTC day from `firstDayMs` for `days` days, from state intervals. `initial` is the
 * state in force at the first day's start; `changes` are those after it, oldest first. Today's day
 * is counted up to `nowMs`; days in the future count nothing. One pass over the changes.
 */
export function dailyUptime<S extends string>(
  initial: S | null,
  changes: readonly TimedChange<S>[],
  window: { firstDayMs: number; days: number; nowMs: number },
  rules: UptimeRules<S>,
): DayFigures[] {
  const out: DayFigures[] = [];
  let state = initial;
  let i = 0;
  for (let d = 0; d < window.days; d++) {
    const from = window.firstDayMs + d * DAY_MS;
    const to = Math.min(from + DAY_MS, window.nowMs);
    // Changes up to (and at) the day's start set the state the day opens with.
    while (i < changes.length && changes[i]!.atMs <= from) state = changes[i++]!.to;
    out.push(to <= from ? NO_DATA : uptimeBetween(state, changes, i, from, to, rules));
  }
  return out;
}
