import { and, asc, desc, eq } from "drizzle-orm";
import { heartbeats, pings, type Heartbeat } from "@/db/schema";
import type { WorkspaceCtx } from "@/server/services/context";
import { findHeartbeat } from "@/server/services/heartbeats/find-heartbeat";
import { listSubjectChanges } from "@/server/services/subjects/list-subject-changes";

export async function listHeartbeats({ ctx }: { ctx: WorkspaceCtx }): Promise<Heartbeat[]> {
  return ctx.db
    .select()
    .from(heartbeats)
    .where(eq(heartbeats.workspaceId, ctx.workspaceId))
    .orderBy(asc(heartbeats.name), asc(heartbeats.id));
}

/** The heartbeat's most recent pings, newest first. */
export async function listPings({
  ctx,
  input: { heartbeatId, limit },
}: {
  ctx: WorkspaceCtx;
  input: { heartbeatId: string; limit: number };
}) {
  await findHeartbeat(ctx.db, ctx.workspaceId, heartbeatId);
  return ctx.db
    .select()
    .from(pings)
    .where(and(eq(pings.heartbeatId, heartbeatId), eq(pings.workspaceId, ctx.workspaceId)))
    .orderBy(desc(pings.pingedAt), desc(pings.id))
    .limit(limit);
}

/** What the heartbeat page shows: the heartbeat, recent pings with bodies, flips and incidents. */
export async function getHeartbeatHistory({
  ctx,
  input: { heartbeatId },
}: {
  ctx: WorkspaceCtx;
  input: { heartbeatId: string };
}) {
  const heartbeat = await findHeartbeat(ctx.db, ctx.workspaceId, heartbeatId);
  const [recentPings, changes] = await Promise.all([
    listPings({ ctx, input: { heartbeatId, limit: 50 } }),
    listSubjectChanges(ctx.db, { kind: "heartbeat", id: heartbeatId }),
  ]);
  return { heartbeat, pings: recentPings, ...changes };
}
