import {
  followingDeadline,
  nextDeadline,
  type HeartbeatSchedule,
} from "@/server/domain/heartbeats/heartbeat-schedule";

export const heartbeatStatuses = [
  "new",
  "up",
  "running",
  "late",
  "missing",
  "failed",
  "paused",
] as const;
export type HeartbeatStatus = (typeof heartbeatStatuses)[number];

export const pingKinds = ["success", "start", "fail", "log"] as const;
export type PingKind = (typeof pingKinds)[number];

export type HeartbeatSnapshot = {
  status: HeartbeatStatus;
  lastSuccessAt: Date | null;
  /** When it becomes late; while missing, the latest deadline counted as a miss. */
  deadline: Date | null;
  /** Set while running, and kept while missing after a run that never finished. */
  runningSince: Date | null;
  runningRid: string | null;
  consecutiveMisses: number;
};

export type HeartbeatPolicy = HeartbeatSchedule & {
  graceSecs: number;
  maxRuntimeSecs: number | null;
};

/** An exit-status ping arrives already mapped: 0 → success, anything else → fail. */
export type Ping = { kind: PingKind; at: Date; rid: string | null };

export type HeartbeatFlip = { from: HeartbeatStatus; to: HeartbeatStatus; at: Date };

export type HeartbeatDecision = HeartbeatSnapshot & {
  flip: HeartbeatFlip | null;
  /** Run duration when this ping completes a started run, else null. */
  durationMs: number | null;
  /** When decideAlarm must be evaluated next; null when nothing can happen without a ping. */
  alarmAt: Date | null;
};

const addSecs = (at: Date, secs: number) => new Date(at.getTime() + secs * 1000);

const runLimit = (s: HeartbeatSnapshot, p: HeartbeatPolicy) =>
  s.runningSince && addSecs(s.runningSince, p.maxRuntimeSecs ?? p.graceSecs);

/** alarmAt for a snapshot as stored (used after edits of the policy, and by the sweepers). */
export function alarmFor(s: HeartbeatSnapshot, p: HeartbeatPolicy): Date | null {
  switch (s.status) {
    case "up":
      return s.deadline;
    case "late":
      return s.deadline && addSecs(s.deadline, p.graceSecs);
    case "running":
      return runLimit(s, p);
    case "missing":
      return s.deadline && followingDeadline(p, s.deadline);
    default:
      return null;
  }
}

function decide(
  from: HeartbeatSnapshot,
  to: HeartbeatSnapshot,
  p: HeartbeatPolicy,
  at: Date,
  durationMs: number | null = null,
): HeartbeatDecision {
  const flip = to.status === from.status ? null : { from: from.status, to: to.status, at };
  return { ...to, flip, durationMs, alarmAt: alarmFor(to, p) };
}

const unchanged = (s: HeartbeatSnapshot, alarmAt: Date | null): HeartbeatDecision => ({
  ...s,
  flip: null,
  durationMs: null,
  alarmAt,
});

/** A completion ends the started run; its duration counts only when the rids pair up. */
function completedRunMs(s: HeartbeatSnapshot, ping: Ping): number | null {
  if (s.runningSince === null || s.runningRid !== ping.rid) return null;
  return Math.max(0, ping.at.getTime() - s.runningSince.getTime());
}

const noRun = { runningSince: null, runningRid: null };

/** The heartbeat's next state after one ping; a paused heartbeat records pings but never moves. */
export function decidePing(
  s: HeartbeatSnapshot,
  p: HeartbeatPolicy,
  ping: Ping,
): HeartbeatDecision {
  if (s.status === "paused") return unchanged(s, null);
  switch (ping.kind) {
    case "log":
      return unchanged(s, alarmFor(s, p));
    case "start":
      return decide(
        s,
        { ...s, status: "running", runningSince: ping.at, runningRid: ping.rid },
        p,
        ping.at,
      );
    case "fail":
      return decide(s, { ...s, ...noRun, status: "failed" }, p, ping.at, completedRunMs(s, ping));
    case "success": {
      const up: HeartbeatSnapshot = {
        ...noRun,
        status: "up",
        lastSuccessAt: ping.at,
        deadline: nextDeadline(p, ping.at),
        consecutiveMisses: 0,
      };
      return decide(s, up, p, ping.at, completedRunMs(s, ping));
    }
  }
}

/**
 * `counted` is the latest deadline already in `misses`; each following one passed by `now` adds
 * one, so a sweep after downtime ends where a sweep at every deadline would have.
 */
function countMisses(
  s: HeartbeatSnapshot,
  p: HeartbeatPolicy,
  counted: Date,
  misses: number,
  now: Date,
): HeartbeatSnapshot {
  let deadline = counted;
  let consecutiveMisses = misses;
  for (let next = followingDeadline(p, deadline); next <= now; next = followingDeadline(p, next)) {
    deadline = next;
    consecutiveMisses += 1;
  }
  return { ...s, status: "missing", deadline, consecutiveMisses };
}

/** What the passing of time does by `now`: late, missing, a run too long, more missed deadlines. */
export function decideAlarm(
  s: HeartbeatSnapshot,
  p: HeartbeatPolicy,
  now: Date,
): HeartbeatDecision {
  const alarmAt = alarmFor(s, p);
  if (alarmAt === null || now < alarmAt) return unchanged(s, alarmAt);
  if (s.status === "up" && s.deadline && now < addSecs(s.deadline, p.graceSecs))
    return decide(s, { ...s, status: "late" }, p, now);
  // Going missing, the first miss stands for the pending deadline (or, for a run started before
  // any deadline was set, for the run limit itself).
  const counted = s.deadline ?? alarmAt;
  const misses = s.status === "missing" ? s.consecutiveMisses : 1;
  return decide(s, countMisses(s, p, counted, misses, now), p, now);
}

/** Pausing stops watching: no alarms, and the run in progress is forgotten. */
export function decidePause(s: HeartbeatSnapshot, now: Date): HeartbeatDecision {
  if (s.status === "paused") return unchanged(s, null);
  return {
    ...s,
    ...noRun,
    status: "paused",
    deadline: null,
    consecutiveMisses: 0,
    flip: { from: s.status, to: "paused", at: now },
    durationMs: null,
    alarmAt: null,
  };
}

/** Resuming starts a fresh period at `now`, so a long pause never reads as missing at once. */
export function decideResume(
  s: HeartbeatSnapshot,
  p: HeartbeatPolicy,
  now: Date,
): HeartbeatDecision {
  if (s.status !== "paused") return unchanged(s, alarmFor(s, p));
  const resumed: HeartbeatSnapshot =
    s.lastSuccessAt === null
      ? { ...s, ...noRun, status: "new", deadline: null, consecutiveMisses: 0 }
      : { ...s, ...noRun, status: "up", deadline: nextDeadline(p, now), consecutiveMisses: 0 };
  return decide(s, resumed, p, now);
}

const isOutage = (status: HeartbeatStatus) => status === "missing" || status === "failed";

/** Into missing or failed; the caller opens one only when none is open (a retry that hangs again). */
export const opensIncident = (f: HeartbeatFlip) => isOutage(f.to) && !isOutage(f.from);
/** Only a success (or a pause) ends an outage: a /start after it is not yet a recovery. */
export const resolvesIncident = (f: HeartbeatFlip) => f.to === "up" || f.to === "paused";

const visitorLabels: Record<HeartbeatStatus, string> = {
  new: "Waiting for first run",
  up: "On time",
  running: "Running",
  late: "Late",
  missing: "Missing",
  failed: "Failed",
  paused: "Paused",
};

/** What a status-page visitor reads for a heartbeat in this state. */
export function visitorLabel(status: HeartbeatStatus): string {
  return visitorLabels[status];
}
