import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import {
  heartbeats,
  maintenanceSubjects,
  maintenanceUpdates,
  maintenanceWindows,
  maintenances,
  monitors,
  type Maintenance,
  type MaintenanceWindow,
} from "@/db/schema";
import type { SubjectKind } from "@/db/schema/flips";
import type { MaintenanceTiming } from "@/server/domain/maintenance/maintenance-window";
import {
  maintenanceStatus,
  shownWindow,
  type MaintenanceStatus,
} from "@/server/domain/maintenance/maintenance-status";

type MaintenanceSubjectView = { kind: SubjectKind; id: string; name: string };

/** A maintenance as the dashboard and the API show it, with its status at `now`. */
export type MaintenanceView = Maintenance & {
  status: MaintenanceStatus;
  /** The window in progress, else the next, else the last that ran. */
  window: { startsAt: Date; endsAt: Date } | null;
  subjects: MaintenanceSubjectView[];
  /** Newest first. */
  updates: {
    id: string;
    status: string;
    body: string;
    createdAt: Date;
    editedAt: Date | null;
  }[];
};

/** The timing the domain reads: a schedule's latest window row is its adjusted occurrence. */
export function timingOf(m: Maintenance, latest: MaintenanceWindow | null): MaintenanceTiming {
  return {
    startsAt: m.startsAt,
    endsAt: m.endsAt,
    schedule: m.schedule,
    durationSecs: m.durationSecs,
    tz: m.tz ?? "UTC",
    cancelledAt: m.cancelledAt,
    adjusted:
      m.schedule !== null && latest ? { startsAt: latest.startsAt, endsAt: latest.endsAt } : null,
  };
}

/** The latest window row of each maintenance. */
export async function latestWindows(
  db: DbOrTx,
  maintenanceIds: readonly string[],
): Promise<Map<string, MaintenanceWindow>> {
  if (maintenanceIds.length === 0) return new Map();
  const rows = await db
    .selectDistinctOn([maintenanceWindows.maintenanceId])
    .from(maintenanceWindows)
    .where(inArray(maintenanceWindows.maintenanceId, [...maintenanceIds]))
    .orderBy(maintenanceWindows.maintenanceId, desc(maintenanceWindows.startsAt));
  return new Map(rows.map((r) => [r.maintenanceId, r]));
}

/** The subjects (with names) of each maintenance. */
async function subjectsOf(
  db: DbOrTx,
  maintenanceIds: readonly string[],
): Promise<Map<string, MaintenanceSubjectView[]>> {
  const out = new Map<string, MaintenanceSubjectView[]>();
  if (maintenanceIds.length === 0) return out;
  const rows = await db
    .select({
      maintenanceId: maintenanceSubjects.maintenanceId,
      kind: maintenanceSubjects.subjectKind,
      id: sql<string>`coalesce(${maintenanceSubjects.monitorId}, ${maintenanceSubjects.heartbeatId})`,
      name: sql<string>`coalesce(${monitors.name}, ${heartbeats.name})`,
    })
    .from(maintenanceSubjects)
    .leftJoin(monitors, eq(monitors.id, maintenanceSubjects.monitorId))
    .leftJoin(heartbeats, eq(heartbeats.id, maintenanceSubjects.heartbeatId))
    .where(inArray(maintenanceSubjects.maintenanceId, [...maintenanceIds]))
    .orderBy(sql`2`, sql`4`);
  for (const r of rows) {
    const list = out.get(r.maintenanceId) ?? [];
    list.push({ kind: r.kind, id: r.id, name: r.name });
    out.set(r.maintenanceId, list);
  }
  return out;
}

/** The maintenances of a workspace (all, or these ids) as views at `now`, newest first. */
export async function loadMaintenanceViews(
  db: DbOrTx,
  workspaceId: string,
  now: Date,
  ids?: readonly string[],
): Promise<MaintenanceView[]> {
  const where = ids
    ? and(eq(maintenances.workspaceId, workspaceId), inArray(maintenances.id, [...ids]))
    : eq(maintenances.workspaceId, workspaceId);
  if (ids && ids.length === 0) return [];
  const rows = await db
    .select()
    .from(maintenances)
    .where(where)
    .orderBy(desc(maintenances.createdAt), desc(maintenances.id));
  const mIds = rows.map((r) => r.id);
  const [windows, subjects, updates] = await Promise.all([
    latestWindows(db, mIds),
    subjectsOf(db, mIds),
    mIds.length
      ? db
          .select()
          .from(maintenanceUpdates)
          .where(inArray(maintenanceUpdates.maintenanceId, mIds))
          .orderBy(desc(maintenanceUpdates.createdAt), desc(maintenanceUpdates.id))
      : [],
  ]);
  return rows.map((m) => {
    const timing = timingOf(m, windows.get(m.id) ?? null);
    return {
      ...m,
      status: maintenanceStatus(timing, now),
      window: shownWindow(timing, now),
      subjects: subjects.get(m.id) ?? [],
      updates: updates
        .filter((u) => u.maintenanceId === m.id)
        .map((u) => ({
          id: u.id,
          status: u.status,
          body: u.body,
          createdAt: u.createdAt,
          editedAt: u.editedAt,
        })),
    };
  });
}
