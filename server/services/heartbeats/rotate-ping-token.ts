import { and, eq, sql } from "drizzle-orm";
import { heartbeats, type Heartbeat } from "@/db/schema";
import type { WorkspaceCtx } from "@/server/services/context";
import { getEventBus } from "@/server/events/bus";
import { isUuid } from "@/server/services/ids";
import { generatePingToken } from "@/server/services/heartbeats/heartbeat-token";
import { notFound } from "@/server/services/errors";

/** A new secret ping URL; the old one answers 404 at once. */
export async function rotatePingToken({
  ctx,
  input: { heartbeatId },
}: {
  ctx: WorkspaceCtx;
  input: { heartbeatId: string };
}): Promise<Heartbeat> {
  const [hb] = isUuid(heartbeatId)
    ? await ctx.db
        .update(heartbeats)
        .set({
          version: sql`${heartbeats.version} + 1`,
          token: generatePingToken(),
          updatedAt: ctx.now(),
        })
        .where(and(eq(heartbeats.id, heartbeatId), eq(heartbeats.workspaceId, ctx.workspaceId)))
        .returning()
    : [];
  if (!hb) throw notFound("heartbeat not found");
  getEventBus().emit("heartbeat.changed", {
    workspaceId: ctx.workspaceId,
    heartbeatId,
    alarmAt: hb.alarmAt,
  });
  return hb;
}
