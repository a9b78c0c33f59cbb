import { heartbeats, type Heartbeat } from "@/db/schema";
import type { WorkspaceCtx } from "@/server/services/context";
import { getEventBus } from "@/server/events/bus";
import { generatePingToken } from "@/server/services/heartbeats/heartbeat-token";
import { checkSchedule } from "@/server/services/heartbeats/check-schedule";
import type { HeartbeatSettings } from "@/server/services/heartbeats/heartbeat-settings";

/** Creates a heartbeat with a fresh ping token; it waits as `new` until its first ping. */
export async function createHeartbeat({
  ctx,
  input,
}: {
  ctx: WorkspaceCtx;
  input: HeartbeatSettings;
}): Promise<Heartbeat> {
  checkSchedule(input);
  const now = ctx.now();
  const { paused, ...settings } = input;
  const [hb] = await ctx.db
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
  if (!hb) throw new Error("heartbeat insert returned no row");
  getEventBus().emit("heartbeat.changed", {
    workspaceId: ctx.workspaceId,
    heartbeatId: hb.id,
    alarmAt: null,
  });
  return hb;
}
