import { and, eq } from "drizzle-orm";
import { heartbeats, type Heartbeat } from "@/db/schema";
import type { DbOrTx } from "@/db/client";
import type { WorkspaceCtx } from "@/server/services/context";
import { notFound } from "@/server/services/errors";
import { isUuid } from "@/server/services/ids";

/** The workspace's heartbeat; another workspace's is "not found" like a missing one. */
export async function findHeartbeat(
  db: DbOrTx,
  workspaceId: string,
  heartbeatId: string,
): Promise<Heartbeat> {
  if (!isUuid(heartbeatId)) throw notFound("heartbeat not found");
  const [hb] = await db
    .select()
    .from(heartbeats)
    .where(and(eq(heartbeats.id, heartbeatId), eq(heartbeats.workspaceId, workspaceId)))
    .limit(1);
  if (!hb) throw notFound("heartbeat not found");
  return hb;
}

/** The heartbeat of the acting workspace (404 otherwise). */
export const getHeartbeat = ({ ctx, heartbeatId }: { ctx: WorkspaceCtx; heartbeatId: string }) =>
  findHeartbeat(ctx.db, ctx.workspaceId, heartbeatId);
