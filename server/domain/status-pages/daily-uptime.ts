import { computeUptime, type StateChange, type UptimeRules } from "@/server/domain/uptime/uptime";

export const DAY_MS = 86_400_000;

export type DayFigures = { monitoredMs: number; downMs: number; uptime: number | null };

/** Midnight UTC of the day `days - 1` days before `now`'s day: the first day a bar shows. */
export function firstBarDay(now: Date, days: number): Date {
  const today = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  return new Date(today - (days - 1) * DAY_MS);
}

/**
 * Uptime of each UTC day from `firstDay` for `days` days, from state intervals. `initial` is the
 * state in force at `firstDay`; `changes` are those after it, oldest first. Today's day is counted
 * up to `now`; days in the future count nothing.
 */
export function dailyUptime<S extends string>(
  initial: S | null,
  changes: readonly StateChange<S>[],
  window: { firstDay: Date; days: number; now: Date },
  rules: UptimeRules<S>,
): DayFigures[] {
  const out: DayFigures[] = [];
  let state = initial;
  let i = 0;
  const nowMs = window.now.getTime();
  for (let d = 0; d < window.days; d++) {
    const from = window.firstDay.getTime() + d * DAY_MS;
    const to = Math.min(from + DAY_MS, nowMs);
    // Changes up to (and at) the day's start set the state the day opens with.
    while (i < changes.length && changes[i]!.at.getTime() <= from) state = changes[i++]!.to;
    const inside: StateChange<S>[] = [];
    let j = i;
    while (j < changes.length && changes[j]!.at.getTime() < from + DAY_MS)
      inside.push(changes[j++]!);
    out.push(
      to <= from
        ? { monitoredMs: 0, downMs: 0, uptime: null }
        : computeUptime(state, inside, { from: new Date(from), to: new Date(to) }, rules),
    );
  }
  return out;
}
