import { and, asc, desc, gte, inArray, lt } from "drizzle-orm";
import { flips } from "@/db/schema";
import type { DbOrTx } from "@/db/client";
import type { MonitorStatus } from "@/server/domain/monitors/monitor-state";
import { computeUptime, type StateChange, type UptimeRules } from "@/server/domain/uptime/uptime";

export const monitorUptimeRules: UptimeRules<MonitorStatus> = {
  isMonitored: (s) => s === "up" || s === "degraded" || s === "down",
  isDown: (s) => s === "down",
};

const DAY_MS = 86_400_000;

export type MonitorUptimes = { uptime24h: number | null; uptime30d: number | null };

/** 24-hour and 30-day uptime of several monitors from their flips, in two queries. */
export async function getMonitorUptimes(
  db: DbOrTx,
  monitorIds: string[],
  now: Date,
): Promise<Map<string, MonitorUptimes>> {
  const result = new Map<string, MonitorUptimes>();
  if (monitorIds.length === 0) return result;
  const from30 = new Date(now.getTime() - 30 * DAY_MS);
  const from24 = new Date(now.getTime() - DAY_MS);
  const [before, inside] = await Promise.all([
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
  ]);
  const initial = new Map(before.map((r) => [r.monitorId, r.to as MonitorStatus]));
  const changes = new Map<string, StateChange<MonitorStatus>[]>();
  for (const row of inside) {
    if (!row.monitorId) continue;
    const list = changes.get(row.monitorId) ?? [];
    list.push({ at: row.at, to: row.to as MonitorStatus });
    changes.set(row.monitorId, list);
  }
  for (const id of monitorIds) {
    const list = changes.get(id) ?? [];
    const start = initial.get(id) ?? null;
    const month = computeUptime(start, list, { from: from30, to: now }, monitorUptimeRules);
    const dayStart = [...list].reverse().find((c) => c.at <= from24)?.to ?? start;
    const day = computeUptime(
      dayStart,
      list.filter((c) => c.at > from24),
      { from: from24, to: now },
      monitorUptimeRules,
    );
    result.set(id, { uptime24h: day.uptime, uptime30d: month.uptime });
  }
  return result;
}
