import { and, count, eq, gte, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { rowsOf } from "@/db/rows-of";
import { checkResults, heartbeats, monitors, pings, type PingRow } from "@/db/schema";

const SPARK_CHECKS = 30;
const SPARK_PINGS = 20;

export type SparkCheck = { ms: number; ok: boolean };

/**
 * The last checks of every monitor of the workspace, oldest first: one statement, each monitor's
 * rows read from the end of its (monitor_id, checked_at) index.
 */
export async function recentChecks(
  db: DbOrTx,
  workspaceId: string,
): Promise<Map<string, SparkCheck[]>> {
  const rows = rowsOf<{ monitor_id: string; duration_ms: number; status: string }>(
    await db.execute(sql`
      select m.id as monitor_id, r.duration_ms, r.status
      from ${monitors} m
      cross join lateral (
        select c.duration_ms, c.status, c.checked_at from ${checkResults} c
        where c.monitor_id = m.id
        order by c.checked_at desc limit ${SPARK_CHECKS}
      ) r
      where m.workspace_id = ${workspaceId}
      order by m.id, r.checked_at asc`),
  );
  const byMonitor = new Map<string, SparkCheck[]>();
  for (const row of rows) {
    const list = byMonitor.get(row.monitor_id) ?? [];
    list.push({ ms: Number(row.duration_ms), ok: row.status === "up" });
    byMonitor.set(row.monitor_id, list);
  }
  return byMonitor;
}

/** The last pings of every heartbeat of the workspace, oldest first, in one statement. */
export async function recentPings(
  db: DbOrTx,
  workspaceId: string,
): Promise<Map<string, PingRow["kind"][]>> {
  const rows = rowsOf<{ heartbeat_id: string; kind: PingRow["kind"] }>(
    await db.execute(sql`
      select h.id as heartbeat_id, p.kind
      from ${heartbeats} h
      cross join lateral (
        select p.kind, p.pinged_at from ${pings} p
        where p.heartbeat_id = h.id
        order by p.pinged_at desc limit ${SPARK_PINGS}
      ) p
      where h.workspace_id = ${workspaceId}
      order by h.id, p.pinged_at asc`),
  );
  const byHeartbeat = new Map<string, PingRow["kind"][]>();
  for (const row of rows) {
    const list = byHeartbeat.get(row.heartbeat_id) ?? [];
    list.push(row.kind);
    byHeartbeat.set(row.heartbeat_id, list);
  }
  return byHeartbeat;
}

/** Checks and pings recorded since `since`, counted on the (subject, time) indexes. */
export async function countActivity(
  db: DbOrTx,
  workspaceId: string,
  since: Date,
): Promise<{ checks: number; pings: number }> {
  const monitorIds = db
    .select({ id: monitors.id })
    .from(monitors)
    .where(eq(monitors.workspaceId, workspaceId));
  const heartbeatIds = db
    .select({ id: heartbeats.id })
    .from(heartbeats)
    .where(eq(heartbeats.workspaceId, workspaceId));
  const [checkCount, pingCount] = await Promise.all([
    db
      .select({ n: count() })
      .from(checkResults)
      .where(
        and(
          inArray(checkResults.monitorId, monitorIds),
          eq(checkResults.workspaceId, workspaceId),
          gte(checkResults.checkedAt, since),
        ),
      ),
    db
      .select({ n: count() })
      .from(pings)
      .where(
        and(
          inArray(pings.heartbeatId, heartbeatIds),
          eq(pings.workspaceId, workspaceId),
          gte(pings.pingedAt, since),
        ),
      ),
  ]);
  return { checks: checkCount[0]?.n ?? 0, pings: pingCount[0]?.n ?? 0 };
}
