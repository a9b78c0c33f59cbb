import { heartbeats, type Heartbeat } from "@/db/schema";
import type { WorkspaceCtx } from "@/server/services/context";
import { getEventBus } from "@/server/events/bus";
import { generatePingToken } from "@/server/services/heartbeats/heartbeat-token";
import { checkSchedule } from "@/server/services/heartbeats/check-schedule";
import type { HeartbeatSettings } from "@/server/services/heartbeats/heartbeat-settings";
import { assertChannelsOf, setSubjectChannels } from "@/server/services/alerts/subject-channels";
import { assertWithinQuota } from "@/server/services/workspaces/assert-within-quota";
import { DEFAULT_QUOTAS, type QuotaLimits } from "@/server/domain/workspaces/quotas";

/**
 * Creates a heartbeat with a fresh ping token and the channels it alerts (unset: the workspace's
 * default channels); it waits as `new` until its first ping.
 */
export async function createHeartbeat({
  ctx,
  input,
  quotas = DEFAULT_QUOTAS,
}: {
  ctx: WorkspaceCtx;
  input: HeartbeatSettings;
  /** The instance's default limits; the workspace's own override wins. */
  quotas?: QuotaLimits;
}): Promise<Heartbeat> {
  checkSchedule(input);
  const now = ctx.now();
  const { paused, channelIds, ...settings } = input;
  if (channelIds) await assertChannelsOf(ctx.db, ctx.workspaceId, channelIds);
  const hb = await ctx.db.transaction(async (tx) => {
    await assertWithinQuota(tx, ctx.workspaceId, "heartbeats", quotas);
    const [row] = await tx
      .insert(heartbeats)
      .values({
        ...settings,
        workspaceId: ctx.workspaceId,
        token: generatePingToken(),
        status: paused ? "paused" : "new",
        statusChangedAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error("heartbeat insert returned no row");
    await setSubjectChannels(
      tx,
      { kind: "heartbeat", id: row.id, workspaceId: ctx.workspaceId },
      channelIds,
    );
    return row;
  });
  getEventBus().emit("heartbeat.changed", {
    workspaceId: ctx.workspaceId,
    heartbeatId: hb.id,
    alarmAt: null,
  });
  return hb;
}
