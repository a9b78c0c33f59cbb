import { and, eq } from "drizzle-orm";
import { heartbeats } from "@/db/schema";
import type { WorkspaceCtx } from "@/server/services/context";
import { getEventBus } from "@/server/events/bus";
import { isUuid } from "@/server/services/ids";
import { notFound } from "@/server/services/errors";

/** Deletes a heartbeat with its pings and history; its token answers 404 from now on. */
export async function deleteHeartbeat({
  ctx,
  heartbeatId,
}: {
  ctx: WorkspaceCtx;
  heartbeatId: string;
}): Promise<void> {
  const deleted = isUuid(heartbeatId)
    ? await ctx.db
        .delete(heartbeats)
        .where(and(eq(heartbeats.id, heartbeatId), eq(heartbeats.workspaceId, ctx.workspaceId)))
        .returning({ id: heartbeats.id })
    : [];
  if (deleted.length === 0) throw notFound("heartbeat not found");
  getEventBus().emit("heartbeat.changed", {
    workspaceId: ctx.workspaceId,
    heartbeatId,
    alarmAt: null,
  });
}
