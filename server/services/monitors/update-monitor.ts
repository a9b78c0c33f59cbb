import { and, eq, sql } from "drizzle-orm";
import { monitors, type Monitor } from "@/db/schema";
import type { PolicyCtx } from "@/server/services/context";
import { getEventBus } from "@/server/events/bus";
import type { MonitorSettings } from "@/server/services/monitors/monitor-settings";
import { assertConsistentSettings } from "@/server/services/monitors/assert-consistent-settings";
import { findMonitor } from "@/server/services/monitors/find-monitor";
import { pauseMonitor, resumeMonitor } from "@/server/services/monitors/pause-monitor";
import { setSubjectChannels } from "@/server/services/alerts/subject-channels";
import { pausedFromStatus, type SettableStatus } from "@/server/services/paused-from-status";
import { assertionsToConditions } from "@/server/domain/monitors/assertions";
import { assertTargetAllowed } from "@/server/services/workspaces/private-targets";

export type MonitorChanges = Partial<MonitorSettings> & { status?: SettableStatus };

/**
 * Applies a partial edit. The next check uses the new settings; a shorter interval brings the next
 * check forward. `paused` (or `status: "paused" | "active"`) pauses or resumes (with its flip).
 */
export async function updateMonitor({
  ctx,
  input: { monitorId, changes: input },
}: {
  ctx: PolicyCtx;
  input: { monitorId: string; changes: MonitorChanges };
}): Promise<Monitor> {
  const { paused: pausedFlag, status, assertions, channelIds, ...settings } = input;
  const paused = pausedFromStatus(pausedFlag, status);
  const changes = {
    ...settings,
    ...(assertions !== undefined ? { conditions: assertionsToConditions(assertions) } : {}),
  };
  const current = await findMonitor(ctx.db, ctx.workspaceId, monitorId);
  // Validate everything before changing anything: a 400 leaves no half-applied edit.
  assertConsistentSettings({ ...current, ...changes });
  if (changes.url !== undefined) await assertTargetAllowed({ ctx, field: "url", url: changes.url });
  if (channelIds !== undefined)
    await setSubjectChannels(
      ctx.db,
      { kind: "monitor", id: monitorId, workspaceId: ctx.workspaceId },
      channelIds,
    );
  const now = ctx.now();
  if (Object.keys(changes).length > 0) {
    // next_check_at is only ever moved in SQL and only forward to a sooner time, so an edit
    // racing a claim can neither undo the claim's lease nor cause a second check.
    const sooner =
      changes.intervalSecs !== undefined
        ? sql`least(${monitors.nextCheckAt}, greatest(${now.toISOString()}::timestamptz,
            coalesce(${monitors.lastCheckedAt}, ${now.toISOString()}::timestamptz) + make_interval(secs => ${changes.intervalSecs})))`
        : undefined;
    await ctx.db
      .update(monitors)
      .set({ ...changes, ...(sooner ? { nextCheckAt: sooner } : {}), updatedAt: now })
      .where(and(eq(monitors.id, monitorId), eq(monitors.workspaceId, ctx.workspaceId)));
  }
  if (paused === true) return pauseMonitor({ ctx, input: { monitorId } });
  if (paused === false) return resumeMonitor({ ctx, input: { monitorId } });
  const updated = await findMonitor(ctx.db, ctx.workspaceId, monitorId);
  getEventBus().emit("monitor.changed", {
    workspaceId: ctx.workspaceId,
    monitorId,
    nextCheckAt: updated.status === "paused" ? null : updated.nextCheckAt,
  });
  return updated;
}
