import { validateSchedule } from "@/server/domain/heartbeats/heartbeat-schedule";
import { formatDuration } from "@/server/domain/alerts/alert-policy";
import {
  cronOf,
  nextWindowAfter,
  windowAt,
  type MaintenanceTiming,
} from "@/server/domain/maintenance/maintenance-window";

/** The longest a maintenance window may last. */
const MAX_WINDOW_SECS = 7 * 86_400;
const MIN_WINDOW_SECS = 60;

export type TimingProblem = { field: string; message: string };

export type TimingInput = {
  startsAt: Date | null;
  endsAt: Date | null;
  schedule: string | null;
  durationSecs: number | null;
  tz: string;
};

// Enough consecutive runs to see the shortest gap of any 5-field schedule (weekly, monthly and
// yearly patterns repeat well within this many fires).
const GAP_SAMPLE = 60;

function checkOneOff(t: TimingInput, now: Date): TimingProblem | null {
  if (!t.startsAt)
    return { field: "starts_at", message: "starts_at: give the start of the window" };
  if (!t.endsAt) return { field: "ends_at", message: "ends_at: give the end of the window" };
  if (t.endsAt <= t.startsAt)
    return { field: "ends_at", message: "ends_at: the window must end after it starts" };
  const secs = (t.endsAt.getTime() - t.startsAt.getTime()) / 1000;
  if (secs > MAX_WINDOW_SECS)
    return {
      field: "ends_at",
      message: `ends_at: a window lasts at most 7 days (this one lasts ${formatDuration(secs * 1000)})`,
    };
  if (t.endsAt < now)
    return { field: "ends_at", message: "ends_at: this window has already ended" };
  return null;
}

function checkRecurring(t: TimingInput & { schedule: string }, now: Date): TimingProblem | null {
  const secs = t.durationSecs;
  if (secs === null)
    return { field: "duration_secs", message: "duration_secs: give how long each window lasts" };
  if (!Number.isInteger(secs) || secs < MIN_WINDOW_SECS || secs > MAX_WINDOW_SECS)
    return {
      field: "duration_secs",
      message: `duration_secs: a window lasts from ${MIN_WINDOW_SECS} seconds to 7 days (${MAX_WINDOW_SECS})`,
    };
  try {
    validateSchedule({ intervalSecs: null, schedule: t.schedule, tz: t.tz });
  } catch (e) {
    const message = (e as Error).message;
    const field = /zone/i.test(message) ? "tz" : "schedule";
    return { field, message: `${field}: ${message}` };
  }
  const fires = cronOf(t.schedule, t.tz).nextRuns(GAP_SAMPLE, now);
  if (fires.length === 0)
    return { field: "schedule", message: `schedule: "${t.schedule}" never fires again` };
  for (let i = 1; i < fires.length; i++) {
    const gapMs = fires[i]!.getTime() - fires[i - 1]!.getTime();
    if (gapMs < secs * 1000)
      return {
        field: "duration_secs",
        message: `duration_secs: each window (${formatDuration(secs * 1000)}) must end before the schedule fires again (${formatDuration(gapMs)} later)`,
      };
  }
  return null;
}

/**
 * The first problem with a maintenance's timing, or null: exactly one of a one-off window or a
 * schedule, a window that ends after it starts, lasts at most 7 days and has not ended yet, a
 * schedule that fires, in a known zone, whose windows do not run into each other.
 */
export function checkTiming(t: TimingInput, now: Date): TimingProblem | null {
  const oneOff = t.startsAt !== null || t.endsAt !== null;
  const recurring = t.schedule !== null || t.durationSecs !== null;
  if (oneOff && recurring)
    return {
      field: "schedule",
      message:
        "schedule: give either starts_at and ends_at or schedule and duration_secs, not both",
    };
  if (!oneOff && !recurring)
    return {
      field: "starts_at",
      message: "starts_at: give starts_at and ends_at, or a schedule and duration_secs",
    };
  if (oneOff) return checkOneOff(t, now);
  if (t.schedule === null)
    return { field: "schedule", message: "schedule: give a cron schedule with duration_secs" };
  return checkRecurring({ ...t, schedule: t.schedule }, now);
}

/**
 * The problem with ending a schedule's window in progress at `newEnd` (ending it early or
 * extending it), or null: not before `now`, within 7 days of its start, and before the schedule's
 * next window starts.
 */
export function checkOccurrenceEnd(
  t: MaintenanceTiming,
  newEnd: Date,
  now: Date,
): TimingProblem | null {
  const window = windowAt(t, now);
  if (!window)
    return { field: "ends_at", message: "ends_at: no window of this schedule is in progress" };
  if (newEnd < now) return { field: "ends_at", message: "ends_at: the new end lies in the past" };
  if (newEnd.getTime() - window.startsAt.getTime() > MAX_WINDOW_SECS * 1000)
    return { field: "ends_at", message: "ends_at: a window lasts at most 7 days" };
  const next = nextWindowAfter(t, window.startsAt);
  if (next && newEnd > next.startsAt)
    return {
      field: "ends_at",
      message: `ends_at: the window must end before the next one starts (${next.startsAt.toISOString()})`,
    };
  return null;
}
