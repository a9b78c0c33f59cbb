import { heartbeats, type Heartbeat } from "@/db/schema";
import type { DbOrTx } from "@/db/client";
import type { WorkspaceCtx } from "@/server/services/context";
import { findWorkspaceRow } from "@/server/services/workspace-rows";

/** The workspace's heartbeat; another workspace's is "not found" like a missing one. */
export const findHeartbeat = async (
  db: DbOrTx,
  workspaceId: string,
  heartbeatId: string,
): Promise<Heartbeat> =>
  findWorkspaceRow(db, heartbeats, { workspaceId, id: heartbeatId, what: "heartbeat" });

/** The heartbeat of the acting workspace (404 otherwise). */
export const getHeartbeat = async ({
  ctx,
  input,
}: {
  ctx: WorkspaceCtx;
  input: { heartbeatId: string };
}) => findHeartbeat(ctx.db, ctx.workspaceId, input.heartbeatId);
