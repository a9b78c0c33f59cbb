import {
  currentOrNextWindow,
  lastEndedWindow,
  nextWindowAfter,
  windowAt,
  type MaintenanceTiming,
  type Window,
} from "@/server/domain/maintenance/maintenance-window";

export const maintenanceStatuses = ["scheduled", "in_progress", "completed", "cancelled"] as const;
export type MaintenanceStatus = (typeof maintenanceStatuses)[number];

/** Atlassian Statuspage's scheduled-maintenance statuses. */
export type StatuspageMaintenanceStatus = "scheduled" | "in_progress" | "verifying" | "completed";

/** How far ahead a page shows upcoming maintenance. */
export const UPCOMING_MS = 7 * 86_400_000;

/** Cancelled; in progress at `now`; scheduled while a window lies ahead; else completed. */
export function maintenanceStatus(t: MaintenanceTiming, now: Date): MaintenanceStatus {
  if (windowAt(t, now)) return "in_progress";
  if (t.cancelledAt && t.cancelledAt <= now) return "cancelled";
  return nextWindowAfter(t, now) ? "scheduled" : "completed";
}

/**
 * The window a maintenance is shown with: the one in progress, else the next, else the last one
 * that ran (a completed maintenance), else the declared one-off window (cancelled before it ran).
 */
export function shownWindow(t: MaintenanceTiming, now: Date): Window | null {
  const w = currentOrNextWindow(t, now) ?? lastEndedWindow(t, now);
  if (w) return w;
  return t.startsAt && t.endsAt ? { startsAt: t.startsAt, endsAt: t.endsAt } : null;
}

/**
 * The Statuspage status: ours, except that an update saying `verifying` while the window runs
 * shows as verifying. Cancelled maintenance has no Statuspage status (it is left out).
 */
export function statuspageStatus(
  status: MaintenanceStatus,
  latestUpdateStatus: string | null,
): StatuspageMaintenanceStatus | null {
  if (status === "cancelled") return null;
  if (status === "in_progress" && latestUpdateStatus === "verifying") return "verifying";
  return status;
}

export type Scheduled<M> = { item: M; window: Window; active: boolean };

/**
 * Maintenance in progress at `now` and that starting within `horizonMs`, soonest first (in
 * progress before upcoming).
 */
export function activeAndUpcoming<M extends { timing: MaintenanceTiming }>(
  items: readonly M[],
  now: Date,
  horizonMs = UPCOMING_MS,
): Scheduled<M>[] {
  const out: Scheduled<M>[] = [];
  for (const item of items) {
    const current = windowAt(item.timing, now);
    if (current) out.push({ item, window: current, active: true });
    else {
      const next = nextWindowAfter(item.timing, now);
      if (next && next.startsAt.getTime() - now.getTime() <= horizonMs)
        out.push({ item, window: next, active: false });
    }
  }
  return out.sort(
    (a, b) =>
      Number(b.active) - Number(a.active) ||
      a.window.startsAt.getTime() - b.window.startsAt.getTime(),
  );
}

export type SubjectRef = { kind: "monitor" | "heartbeat"; id: string };

/** Whether any of these maintenances (each with its subjects) covers the subject at `at`. */
export function isSubjectInWindow(
  items: readonly { timing: MaintenanceTiming; subjects: readonly SubjectRef[] }[],
  subject: SubjectRef,
  at: Date,
): boolean {
  return items.some(
    (m) =>
      m.subjects.some((s) => s.kind === subject.kind && s.id === subject.id) &&
      windowAt(m.timing, at) !== null,
  );
}

/** The ids of the subjects that some maintenance covers at `at`. */
export function subjectsInWindow(
  items: readonly { timing: MaintenanceTiming; subjects: readonly SubjectRef[] }[],
  at: Date,
): Set<string> {
  const out = new Set<string>();
  for (const m of items) if (windowAt(m.timing, at)) for (const s of m.subjects) out.add(s.id);
  return out;
}
