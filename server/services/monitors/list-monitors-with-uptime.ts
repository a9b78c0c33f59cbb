import type { WorkspaceCtx } from "@/server/services/context";
import { listMonitors } from "@/server/services/monitors/list-monitors";
import { getMonitorUptimes } from "@/server/services/monitors/get-monitor-uptimes";

/** The dashboard's monitor list: every monitor with its 24-hour and 30-day uptime. */
export async function listMonitorsWithUptime({ ctx }: { ctx: WorkspaceCtx }) {
  const monitors = await listMonitors({ ctx });
  const uptimes = await getMonitorUptimes(
    ctx.db,
    monitors.map((m) => m.id),
    ctx.now(),
  );
  return monitors.map((m) => ({
    ...m,
    ...(uptimes.get(m.id) ?? { uptime24h: null, uptime30d: null }),
  }));
}
