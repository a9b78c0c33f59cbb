import { and, asc, desc, gte, inArray, lt } from "drizzle-orm";
import { flips } from "@/db/schema";
import type { DbOrTx } from "@/db/client";
import type { MonitorStatus } from "@/server/domain/monitors/monitor-state";
import type { TimedChange, UptimeRules } from "@/server/domain/uptime/uptime";
import { uptimeWithoutMaintenance } from "@/server/domain/maintenance/maintenance-uptime";
import { loadPageMaintenance } from "@/server/services/maintenances/page-maintenance";

export const monitorUptimeRules: UptimeRules<MonitorStatus> = {
  isMonitored: (s) => s === "up" || s === "degraded" || s === "down",
  isDown: (s) => s === "down",
};

const DAY_MS = 86_400_000;

export type MonitorUptimes = {
  uptime24h: number | null;
  uptime30d: number | null;
  /** Maintenance time in each range, left out of its uptime. */
  maintenance24hMs: number;
  maintenance30dMs: number;
};

export const NO_UPTIMES: MonitorUptimes = {
  uptime24h: null,
  uptime30d: null,
  maintenance24hMs: 0,
  maintenance30dMs: 0,
};

/**
 * 24-hour and 30-day uptime of several monitors of a workspace from their flips, with their
 * maintenance windows left out (the status page's rule), in a fixed number of queries.
 */
export async function getMonitorUptimes(
  db: DbOrTx,
  { workspaceId, monitorIds, now }: { workspaceId: string; monitorIds: string[]; now: Date },
): Promise<Map<string, MonitorUptimes>> {
  const result = new Map<string, MonitorUptimes>();
  if (monitorIds.length === 0) return result;
  const from30 = new Date(now.getTime() - 30 * DAY_MS);
  const from24Ms = now.getTime() - DAY_MS;
  const [before, inside, maintenance] = await Promise.all([
    db
      .selectDistinctOn([flips.monitorId], { monitorId: flips.monitorId, to: flips.toStatus })
      .from(flips)
      .where(and(inArray(flips.monitorId, monitorIds), lt(flips.at, from30)))
      .orderBy(flips.monitorId, desc(flips.at), desc(flips.seq)),
    db
      .select({ monitorId: flips.monitorId, to: flips.toStatus, at: flips.at })
      .from(flips)
      .where(and(inArray(flips.monitorId, monitorIds), gte(flips.at, from30)))
      .orderBy(asc(flips.at), asc(flips.seq)),
    loadPageMaintenance(db, workspaceId, monitorIds, { firstDay: from30, now }),
  ]);
  const initial = new Map(before.map((r) => [r.monitorId, r.to as MonitorStatus]));
  const changes = new Map<string, TimedChange<MonitorStatus>[]>();
  for (const row of inside) {
    if (!row.monitorId) continue;
    const list = changes.get(row.monitorId) ?? [];
    list.push({ atMs: row.at.getTime(), to: row.to as MonitorStatus });
    changes.set(row.monitorId, list);
  }
  const toMs = now.getTime();
  for (const id of monitorIds) {
    const list = changes.get(id) ?? [];
    const start = initial.get(id) ?? null;
    const spans = maintenance.spans.get(id) ?? [];
    const month = uptimeWithoutMaintenance(
      start,
      list,
      spans,
      { fromMs: from30.getTime(), toMs },
      monitorUptimeRules,
    );
    const dayStart = list.findLast((c) => c.atMs <= from24Ms)?.to ?? start;
    const day = uptimeWithoutMaintenance(
      dayStart,
      list.filter((c) => c.atMs > from24Ms),
      spans,
      { fromMs: from24Ms, toMs },
      monitorUptimeRules,
    );
    result.set(id, {
      uptime24h: day.uptime,
      uptime30d: month.uptime,
      maintenance24hMs: day.maintenanceMs,
      maintenance30dMs: month.maintenanceMs,
    });
  }
  return result;
}
