import { and, desc, eq, gte } from "drizzle-orm";
import { checkResults } from "@/db/schema";
import type { WorkspaceCtx } from "@/server/services/context";
import { findMonitor } from "@/server/services/monitors/find-monitor";
import { getMonitorUptimes, NO_UPTIMES } from "@/server/services/monitors/get-monitor-uptimes";
import { getMonitorBars } from "@/server/services/monitors/get-monitor-bars";
import { listSubjectChanges } from "@/server/services/subjects/list-subject-changes";

/** Everything the monitor page shows: settings, uptime, response times, recent checks, flips, incidents. */
export async function getMonitorHistory({
  ctx,
  input: { monitorId },
}: {
  ctx: WorkspaceCtx;
  input: { monitorId: string };
}) {
  const monitor = await findMonitor(ctx.db, ctx.workspaceId, monitorId);
  const now = ctx.now();
  const since = new Date(now.getTime() - 24 * 3_600_000);
  const [uptimes, bars, responseTimes, recentChecks, changes] = await Promise.all([
    getMonitorUptimes(ctx.db, { workspaceId: ctx.workspaceId, monitorIds: [monitorId], now }),
    getMonitorBars(ctx.db, { workspaceId: ctx.workspaceId, monitorId, now }),
    ctx.db
      .select({
        at: checkResults.checkedAt,
        ms: checkResults.durationMs,
        status: checkResults.status,
      })
      .from(checkResults)
      .where(and(eq(checkResults.monitorId, monitorId), gte(checkResults.checkedAt, since)))
      .orderBy(desc(checkResults.checkedAt))
      .limit(2000),
    ctx.db
      .select()
      .from(checkResults)
      .where(eq(checkResults.monitorId, monitorId))
      .orderBy(desc(checkResults.checkedAt))
      .limit(20),
    listSubjectChanges(ctx.db, { kind: "monitor", id: monitorId }),
  ]);
  return {
    monitor,
    uptime: uptimes.get(monitorId) ?? NO_UPTIMES,
    bars,
    // The newest 2,000 of the last 24 hours, oldest first for the chart.
    responseTimes: responseTimes.reverse(),
    recentChecks,
    flips: changes.flips,
    incidents: changes.incidents.map((i) => ({
      ...i,
      durationMs: (i.resolvedAt ?? now).getTime() - i.startedAt.getTime(),
    })),
  };
}
