export type SubjectKind = "monitor" | "heartbeat";

export type AlertKind = "down" | "recovery";

const OUTAGE: Record<SubjectKind, readonly string[]> = {
  monitor: ["down"],
  heartbeat: ["missing", "failed"],
};
const HEALTHY: Record<SubjectKind, readonly string[]> = {
  monitor: ["up", "degraded"],
  heartbeat: ["up"],
};

/** A channel gets at most one message per subject in this window; later flips fold into the next. */
export const FOLD_WINDOW_MS = 60_000;
/** A failing message is retried with growing pauses for this long, then shown as failed. */
export const GIVE_UP_AFTER_MS = 24 * 3_600_000;
/** The longest interval between reminders while a subject stays down. */
export const MAX_REMINDER_HOURS = 168;
/** The alert log keeps at least twice that, so an outage's latest reminders are never pruned. */
export const MIN_ALERT_LOG_DAYS = Math.ceil((2 * MAX_REMINDER_HOURS) / 24);

/**
 * Which alert a flip raises: `down` when it enters an outage (down, missing, failed), `recovery`
 * when it ends one back to a healthy state; null otherwise (first result, pause, late, running).
 */
export function alertKindOf(
  subjectKind: SubjectKind,
  flip: { from: string; to: string },
  endsOutage: boolean,
): AlertKind | null {
  if (OUTAGE[subjectKind].includes(flip.to)) return "down";
  if (!HEALTHY[subjectKind].includes(flip.to)) return null;
  if (endsOutage || OUTAGE[subjectKind].includes(flip.from)) return "recovery";
  return null;
}

/** Whether a subject with these settings alerts on a flip of this kind. */
export function isAlerted(
  kind: AlertKind | null,
  settings: { alertOnDown: boolean; alertOnRecovery: boolean },
): kind is AlertKind {
  if (kind === "down") return settings.alertOnDown;
  if (kind === "recovery") return settings.alertOnRecovery;
  return false;
}

/** Pause before retry number `attempts` (1-based): 15 s doubling, at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(3_600_000, 15_000 * 2 ** Math.max(0, attempts - 1));
}

/** When a lane with pending flips may send: at once after a quiet window, else when it ends. */
export function nextSendAt(now: Date, lastSentAt: Date | null): Date {
  if (!lastSentAt) return now;
  const windowEnd = lastSentAt.getTime() + FOLD_WINDOW_MS;
  return windowEnd > now.getTime() ? new Date(windowEnd) : now;
}

export { formatDuration } from "@/server/domain/format/duration";
