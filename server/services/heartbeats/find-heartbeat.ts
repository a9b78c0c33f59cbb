import { heartbeats } from "@/db/schema";
import type { WorkspaceCtx } from "@/server/services/context";
import { workspaceRowFinder } from "@/server/services/workspace-rows";

/** The workspace's heartbeat; another workspace's is "not found" like a missing one. */
export const findHeartbeat = workspaceRowFinder(heartbeats, "heartbeat");

/** The heartbeat of the acting workspace (404 otherwise). */
export const getHeartbeat = async ({
  ctx,
  input,
}: {
  ctx: WorkspaceCtx;
  input: { heartbeatId: string };
}) => findHeartbeat(ctx.db, ctx.workspaceId, input.heartbeatId);
