import { Cron } from "croner";

/** When a maintenance runs: a one-off window, or a cron schedule with a duration in a time zone. */
export type MaintenanceTiming = {
  startsAt: Date | null;
  endsAt: Date | null;
  schedule: string | null;
  durationSecs: number | null;
  tz: string;
  cancelledAt: Date | null;
  /** Recurring only: the occurrence that starts at `startsAt` ends at `endsAt` (ended early or extended). */
  adjusted: Window | null;
};

export type Window = { startsAt: Date; endsAt: Date };

// A recurring schedule with a window every minute covers 90 days in ~130,000 windows; bars and
// listings never need that many, and a bound keeps a bad schedule from stalling a render.
const MAX_WINDOWS = 5_000;

const cronCache = new Map<string, Cron>();

/** The schedule as croner reads it, the way heartbeat schedules are read (DST like cronie). */
export function cronOf(schedule: string, tz: string): Cron {
  const key = `${tz} ${schedule}`;
  let cron = cronCache.get(key);
  if (!cron) {
    cron = new Cron(schedule, { timezone: tz, mode: "5-part", fixedTimeRule: "no-wildcard" });
    if (cronCache.size > 1_000) cronCache.clear();
    cronCache.set(key, cron);
  }
  return cron;
}

const isRecurring = (t: MaintenanceTiming) => t.schedule !== null && t.durationSecs !== null;

/** A window as it really ran: cut short by a cancellation, or changed by an adjustment. */
function effective(t: MaintenanceTiming, w: Window): Window | null {
  const adjusted =
    t.adjusted && t.adjusted.startsAt.getTime() === w.startsAt.getTime() ? t.adjusted : w;
  const cut = t.cancelledAt && t.cancelledAt < adjusted.endsAt ? t.cancelledAt : adjusted.endsAt;
  return cut > adjusted.startsAt ? { startsAt: adjusted.startsAt, endsAt: cut } : null;
}

function occurrence(t: MaintenanceTiming, startsAt: Date): Window | null {
  return effective(t, {
    startsAt,
    endsAt: new Date(startsAt.getTime() + (t.durationSecs ?? 0) * 1000),
  });
}

/** The maintenance window `at` lies in ([start, end)), or null. */
export function windowAt(t: MaintenanceTiming, at: Date): Window | null {
  if (!isRecurring(t)) {
    const w =
      t.startsAt && t.endsAt ? effective(t, { startsAt: t.startsAt, endsAt: t.endsAt }) : null;
    return w && w.startsAt <= at && at < w.endsAt ? w : null;
  }
  const [fire] = cronOf(t.schedule!, t.tz).previousRuns(1, new Date(at.getTime() + 1));
  const w = fire ? occurrence(t, fire) : null;
  return w && w.startsAt <= at && at < w.endsAt ? w : null;
}

/** The first window that starts strictly after `after`, or null (ended, cancelled, never fires). */
export function nextWindowAfter(t: MaintenanceTiming, after: Date): Window | null {
  if (!isRecurring(t)) {
    const w =
      t.startsAt && t.endsAt ? effective(t, { startsAt: t.startsAt, endsAt: t.endsAt }) : null;
    return w && w.startsAt > after ? w : null;
  }
  if (t.cancelledAt && t.cancelledAt <= after) return null;
  const cron = cronOf(t.schedule!, t.tz);
  let from = after;
  for (let i = 0; i < 3; i++) {
    const fire = cron.nextRun(from);
    if (!fire) return null;
    const w = occurrence(t, fire);
    if (w) return w;
    from = fire;
  }
  return null;
}

/** The window in progress at `now`, else the next one. */
export const currentOrNextWindow = (t: MaintenanceTiming, now: Date): Window | null =>
  windowAt(t, now) ?? nextWindowAfter(t, now);

/** The latest window that ended at or before `now`, or null. */
export function lastEndedWindow(t: MaintenanceTiming, now: Date): Window | null {
  if (!isRecurring(t)) {
    const w =
      t.startsAt && t.endsAt ? effective(t, { startsAt: t.startsAt, endsAt: t.endsAt }) : null;
    return w && w.endsAt <= now ? w : null;
  }
  const cron = cronOf(t.schedule!, t.tz);
  for (const fire of cron.previousRuns(3, new Date(now.getTime() + 1))) {
    const w = occurrence(t, fire);
    if (w && w.endsAt <= now) return w;
  }
  return null;
}

/** Every window overlapping [from, to), oldest first, cut to [from, to). */
export function windowsBetween(t: MaintenanceTiming, from: Date, to: Date): Window[] {
  const out: Window[] = [];
  const push = (w: Window | null) => {
    if (!w || w.endsAt <= from || w.startsAt >= to) return;
    out.push({
      startsAt: w.startsAt < from ? from : w.startsAt,
      endsAt: w.endsAt > to ? to : w.endsAt,
    });
  };
  push(windowAt(t, from));
  let cursor = from;
  while (out.length < MAX_WINDOWS) {
    const next = nextWindowAfter(t, cursor);
    if (!next || next.startsAt >= to) break;
    push(next);
    cursor = next.startsAt;
  }
  return out;
}

/**
 * The next moment after `now` at which the maintenance starts or ends a window: what a
 * scheduler arms its timer for. Null when nothing more happens.
 */
export function nextBoundaryAfter(t: MaintenanceTiming, now: Date): Date | null {
  const current = windowAt(t, now);
  const next = nextWindowAfter(t, now);
  const candidates = [current?.endsAt, next?.startsAt].filter((d): d is Date => d !== undefined);
  if (candidates.length === 0) return null;
  return new Date(Math.min(...candidates.map((d) => d.getTime())));
}
