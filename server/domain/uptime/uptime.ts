export type StateChange<S extends string> = { at: Date; to: S };

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
  let monitoredMs = 0;
  let downMs = 0;
  let state = initial;
  let cursor = window.from.getTime();
  const end = window.to.getTime();
  const account = (until: number) => {
    const span = Math.max(0, Math.min(until, end) - cursor);
    if (state !== null && span > 0 && rules.isMonitored(state)) {
      monitoredMs += span;
      if (rules.isDown(state)) downMs += span;
    }
  };
  for (const change of changes) {
    const at = change.at.getTime();
    if (at >= end) break;
    if (at > cursor) {
      account(at);
      cursor = at;
    }
    state = change.to;
  }
  account(end);
  return { monitoredMs, downMs, uptime: monitoredMs === 0 ? null : 1 - downMs / monitoredMs };
}
