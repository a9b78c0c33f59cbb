import { and, eq } from "drizzle-orm";
import { monitors, type Monitor } from "@/db/schema";
import type { WorkspaceCtx } from "@/server/services/context";
import { getEventBus } from "@/server/events/bus";
import type { MonitorSettings } from "@/server/services/monitors/monitor-settings";
import { assertConsistentSettings } from "@/server/services/monitors/assert-consistent-settings";
import { findMonitor } from "@/server/services/monitors/find-monitor";
import { pauseMonitor, resumeMonitor } from "@/server/services/monitors/pause-monitor";

export type MonitorChanges = Partial<MonitorSettings>;

/**
 * Applies a partial edit. The next check uses the new settings; a shorter interval brings the next
 * check forward. `paused` in the changes pauses or resumes (with its flip).
 */
export async function updateMonitor({
  ctx,
  monitorId,
  input,
}: {
  ctx: WorkspaceCtx;
  monitorId: string;
  input: MonitorChanges;
}): Promise<Monitor> {
  const { paused, ...changes } = input;
  const current = await findMonitor(ctx.db, ctx.workspaceId, monitorId);
  assertConsistentSettings({ ...current, ...changes });
  const now = ctx.now();
  const sooner =
    changes.intervalSecs !== undefined && current.lastCheckedAt
      ? new Date(
          Math.max(now.getTime(), current.lastCheckedAt.getTime() + changes.intervalSecs * 1000),
        )
      : null;
  const nextCheckAt = sooner && sooner < current.nextCheckAt ? sooner : current.nextCheckAt;
  if (Object.keys(changes).length > 0) {
    await ctx.db
      .update(monitors)
      .set({ ...changes, nextCheckAt, updatedAt: now })
      .where(and(eq(monitors.id, monitorId), eq(monitors.workspaceId, ctx.workspaceId)));
  }
  if (paused === true) return pauseMonitor({ ctx, monitorId });
  if (paused === false) return resumeMonitor({ ctx, monitorId });
  const updated = await findMonitor(ctx.db, ctx.workspaceId, monitorId);
  getEventBus().emit("monitor.changed", {
    workspaceId: ctx.workspaceId,
    monitorId,
    nextCheckAt: updated.status === "paused" ? null : updated.nextCheckAt,
  });
  return updated;
}
