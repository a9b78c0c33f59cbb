export type StateChange<S extends string> = { at: Date; to: S };

/** A state change with its time in epoch milliseconds (for long histories: no Date per change). */
export type TimedChange<S extends string> = { atMs: number; to: S };

export type UptimeRules<S extends string> = {
  /** States that count as monitored time (pending and paused do not). */
  isMonitored: (state: S) => boolean;
  /** States that count as down time. */
  isDown: (state: S) => boolean;
};

export type UptimeFigures = { monitoredMs: number; downMs: number; uptime: number | null };

/**
 * Uptime over [from, to) from state intervals: 1 − time down / time monitored. `initial` is the state
 * in force at `from` (the last change before it), `changes` those inside the window, oldest first.
 */
export function computeUptime<S extends string>(
  initial: S | null,
  changes: StateChange<S>[],
  window: { from: Date; to: Date },
  rules: UptimeRules<S>,
): UptimeFigures {
  return uptimeBetween(
    initial,
    changes.map((c) => ({ atMs: c.at.getTime(), to: c.to })),
    0,
    window.from.getTime(),
    window.to.getTime(),
    rules,
  );
}

/**
 * computeUptime over epoch milliseconds, reading `changes` from index `start`: the state in force at
 * `fromMs` is `initial`; changes before `fromMs` are applied without counting time, the walk stops
 * at the first change at or after `toMs`.
 */
export function uptimeBetween<S extends string>(
  initial: S | null,
  changes: readonly TimedChange<S>[],
  start: number,
  fromMs: number,
  toMs: number,
  rules: UptimeRules<S>,
): UptimeFigures {
  // No closure here: this runs for every day of every bar (4,500 times a render of a busy page).
  let monitoredMs = 0;
  let downMs = 0;
  let state = initial;
  let cursor = fromMs;
  for (let i = start; i <= changes.length; i++) {
    const change = i < changes.length ? changes[i]! : null;
    const until = change === null || change.atMs >= toMs ? toMs : change.atMs;
    if (until > cursor) {
      if (state !== null && rules.isMonitored(state)) {
        monitoredMs += until - cursor;
        if (rules.isDown(state)) downMs += until - cursor;
      }
      cursor = until;
    }
    if (change === null || change.atMs >= toMs) break;
    state = change.to;
  }
  return { monitoredMs, downMs, uptime: monitoredMs === 0 ? null : 1 - downMs / monitoredMs };
}
