import type { WorkspaceCtx } from "@/server/services/context";
import { listMonitors } from "@/server/services/monitors/list-monitors";
import { getMonitorUptimes, NO_UPTIMES } from "@/server/services/monitors/get-monitor-uptimes";

/**
 * The dashboard's monitor list: every monitor with its 24-hour and 30-day uptime (maintenance
 * left out), in the same fixed number of queries whatever the number of monitors.
 */
export async function listMonitorsWithUptime({ ctx }: { ctx: WorkspaceCtx }) {
  const monitors = await listMonitors({ ctx });
  const uptimes = await getMonitorUptimes(ctx.db, {
    workspaceId: ctx.workspaceId,
    monitorIds: monitors.map((m) => m.id),
    now: ctx.now(),
  });
  return monitors.map((m) => ({ ...m, ...(uptimes.get(m.id) ?? NO_UPTIMES) }));
}
