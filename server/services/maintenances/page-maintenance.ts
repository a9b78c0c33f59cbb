import { and, desc, eq, gt, isNotNull, isNull, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import {
  maintenanceSubjects,
  maintenanceUpdates,
  maintenanceWindows,
  maintenances,
  type Maintenance,
  type MaintenanceWindow,
} from "@/db/schema";
import { windowAt, type Window } from "@/server/domain/maintenance/maintenance-window";
import {
  UPCOMING_MS,
  maintenanceStatus,
  shownWindow,
  statuspageStatus,
} from "@/server/domain/maintenance/maintenance-status";
import { mergeSpans, type Span } from "@/server/domain/maintenance/maintenance-uptime";
import {
  COMPLETED_LIMIT,
  sortPageMaintenances,
  type PageMaintenanceView,
} from "@/server/domain/maintenance/page-maintenance";
import { timingOf } from "@/server/services/maintenances/maintenance-records";

export type PageMaintenance = {
  /** Ids of the page's subjects a window covers now: they show "under maintenance". */
  covered: Set<string>;
  /** What the page lists: in progress, upcoming within 7 days, recently completed. */
  entries: PageMaintenanceView[];
  /** Per subject id, the maintenance time since `firstDay` (left out of uptime and bars). */
  spans: Map<string, Span[]>;
};

/**
 * The maintenance behind a page's subjects: who is under maintenance now, what the page lists,
 * and the windows uptime leaves out. Windows that ran are read from their rows (editing a
 * schedule later does not rewrite the past), counted from when the maintenance was created.
 */
export async function loadPageMaintenance(
  db: DbOrTx,
  workspaceId: string,
  subjectIds: readonly string[],
  { firstDay, now }: { firstDay: Date; now: Date },
): Promise<PageMaintenance> {
  return pageMaintenanceOf(
    await readPageMaintenance(db, workspaceId, { firstDay }),
    subjectIds,
    now,
  );
}

type MaintenanceRows = Awaited<ReturnType<typeof readPageMaintenance>>;

/**
 * The workspace's maintenance rows a page may show, whichever subjects it shows: a page starts
 * this read beside that of its subjects.
 */
export async function readPageMaintenance(
  db: DbOrTx,
  workspaceId: string,
  { firstDay }: { firstDay: Date },
) {
  const rows = await db
    .select()
    .from(maintenances)
    .where(
      and(
        eq(maintenances.workspaceId, workspaceId),
        or(isNull(maintenances.cancelledAt), gt(maintenances.cancelledAt, firstDay)),
        or(isNotNull(maintenances.schedule), gt(maintenances.endsAt, firstDay)),
      ),
    )
    .prepare("page_maintenances")
    .execute();
  if (rows.length === 0) return { rows, subjects: [], windows: [], updates: [] };
  // The ids go as one array parameter: each statement's text is the same for every page, so it
  // is prepared once per connection (one round trip per render instead of two).
  const ids = sql.param(rows.map((m) => m.id));
  const [subjects, windows, updates] = await Promise.all([
    db
      .select()
      .from(maintenanceSubjects)
      .where(sql`${maintenanceSubjects.maintenanceId} = any(${ids}::uuid[])`)
      .prepare("page_maintenance_subjects")
      .execute(),
    db
      .select()
      .from(maintenanceWindows)
      .where(
        and(
          sql`${maintenanceWindows.maintenanceId} = any(${ids}::uuid[])`,
          gt(maintenanceWindows.endsAt, firstDay),
        ),
      )
      .orderBy(maintenanceWindows.startsAt)
      .prepare("page_maintenance_windows")
      .execute(),
    db
      .select()
      .from(maintenanceUpdates)
      .where(sql`${maintenanceUpdates.maintenanceId} = any(${ids}::uuid[])`)
      .orderBy(desc(maintenanceUpdates.createdAt))
      .prepare("page_maintenance_updates")
      .execute(),
  ]);
  return { rows, subjects, windows, updates };
}

/** loadPageMaintenance's answer from rows already read. */
export function pageMaintenanceOf(
  { rows, subjects, windows, updates }: MaintenanceRows,
  subjectIds: readonly string[],
  now: Date,
): PageMaintenance {
  const out: PageMaintenance = { covered: new Set(), entries: [], spans: new Map() };
  const shown = new Set(subjectIds);
  const rawSpans = new Map<string, Window[]>();
  const completed: PageMaintenanceView[] = [];
  for (const m of rows) {
    const own = subjects.filter((s) => s.maintenanceId === m.id);
    const onPage = own
      .map((s) => (s.monitorId ?? s.heartbeatId) as string)
      .filter((id) => shown.has(id));
    if (own.length > 0 && onPage.length === 0) continue;
    const ran = windows.filter((w) => w.maintenanceId === m.id);
    const timing = timingOf(m, ran.at(-1) ?? null);
    const running = windowAt(timing, now);
    for (const id of onPage) {
      if (running) out.covered.add(id);
      const list = rawSpans.get(id) ?? [];
      list.push(...spansOf(m, ran, running, now));
      rawSpans.set(id, list);
    }
    const entry = entryOf(m, timing, onPage, updates, now);
    if (!entry) continue;
    if (entry.status === "completed") completed.push(entry);
    else out.entries.push(entry);
  }
  for (const [id, list] of rawSpans) out.spans.set(id, mergeSpans(list));
  const recent = sortPageMaintenances(completed).slice(0, COMPLETED_LIMIT);
  out.entries = sortPageMaintenances([...out.entries, ...recent]);
  return out;
}

/** The windows that ran (and the one running), from the maintenance's creation up to now. */
function spansOf(m: Maintenance, ran: MaintenanceWindow[], running: Window | null, now: Date) {
  const list: Window[] = ran.map((w) => ({ startsAt: w.startsAt, endsAt: w.endsAt }));
  if (running) list.push(running);
  return list.flatMap((w) => {
    const startsAt = w.startsAt < m.createdAt ? m.createdAt : w.startsAt;
    const endsAt = w.endsAt > now ? now : w.endsAt;
    return endsAt > startsAt ? [{ startsAt, endsAt }] : [];
  });
}

function entryOf(
  m: Maintenance,
  timing: ReturnType<typeof timingOf>,
  subjectIds: string[],
  updates: (typeof maintenanceUpdates.$inferSelect)[],
  now: Date,
): PageMaintenanceView | null {
  const status = maintenanceStatus(timing, now);
  const window = shownWindow(timing, now);
  if (status === "cancelled" || !window) return null;
  if (status === "scheduled" && window.startsAt.getTime() - now.getTime() > UPCOMING_MS)
    return null;
  const own = updates.filter((u) => u.maintenanceId === m.id);
  return {
    id: m.id,
    title: m.title,
    body: m.body,
    status,
    statuspageStatus: statuspageStatus(status, own[0]?.status ?? null) ?? "completed",
    startsAt: window.startsAt.toISOString(),
    endsAt: window.endsAt.toISOString(),
    recurring: m.schedule !== null,
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
    subjectIds,
    updates: own.map((u) => ({
      id: u.id,
      status: u.status,
      body: u.body,
      createdAt: u.createdAt.toISOString(),
      editedAt: u.editedAt?.toISOString() ?? null,
    })),
  };
}
