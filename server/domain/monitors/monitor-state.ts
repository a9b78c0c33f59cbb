export const monitorStatuses = ["pending", "up", "degraded", "down", "paused"] as const;
export type MonitorStatus = (typeof monitorStatuses)[number];

export type MonitorPolicy = {
  confirmations: number;
  degradedAfterMs: number | null;
  intervalSecs: number;
  retryIntervalSecs: number;
};

export type MonitorSnapshot = { status: MonitorStatus; consecutiveFailures: number };

export type CheckVerdict = { ok: boolean; durationMs: number };

export type Flip<S extends string> = { from: S; to: S; at: Date };

export type MonitorDecision = MonitorSnapshot & {
  flip: Flip<MonitorStatus> | null;
  nextCheckAt: Date;
};

const addSecs = (at: Date, secs: number) => new Date(at.getTime() + secs * 1000);

/**
 * The monitor's next state after one check: Down only after `confirmations` consecutive failures
 * (the first one counts), re-checked at the retry interval meanwhile; one success ends it.
 */
export function decideCheck(
  snapshot: MonitorSnapshot,
  policy: MonitorPolicy,
  verdict: CheckVerdict,
  now: Date,
): MonitorDecision {
  if (snapshot.status === "paused")
    return { ...snapshot, flip: null, nextCheckAt: addSecs(now, policy.intervalSecs) };
  let status: MonitorStatus;
  let consecutiveFailures: number;
  if (verdict.ok) {
    consecutiveFailures = 0;
    const slow = policy.degradedAfterMs !== null && verdict.durationMs > policy.degradedAfterMs;
    status = slow ? "degraded" : "up";
  } else {
    consecutiveFailures = snapshot.consecutiveFailures + 1;
    status = consecutiveFailures >= Math.max(1, policy.confirmations) ? "down" : snapshot.status;
  }
  const failing = consecutiveFailures > 0;
  return {
    status,
    consecutiveFailures,
    flip: status === snapshot.status ? null : { from: snapshot.status, to: status, at: now },
    nextCheckAt: addSecs(now, failing ? policy.retryIntervalSecs : policy.intervalSecs),
  };
}

/** Pausing stops checks; the flip records it so uptime does not count the paused time. */
export function decidePause(
  snapshot: MonitorSnapshot,
  now: Date,
): MonitorSnapshot & { flip: Flip<MonitorStatus> | null } {
  if (snapshot.status === "paused") return { ...snapshot, flip: null };
  return {
    status: "paused",
    consecutiveFailures: 0,
    flip: { from: snapshot.status, to: "paused", at: now },
  };
}

/** Resuming starts over as pending with a check due at once. */
export function decideResume(
  snapshot: MonitorSnapshot,
  now: Date,
): MonitorSnapshot & { flip: Flip<MonitorStatus> | null } {
  if (snapshot.status !== "paused") return { ...snapshot, flip: null };
  return {
    status: "pending",
    consecutiveFailures: 0,
    flip: { from: "paused", to: "pending", at: now },
  };
}

export const opensIncident = (flip: Flip<MonitorStatus>) => flip.to === "down";
export const resolvesIncident = (flip: Flip<MonitorStatus>) => flip.from === "down";
