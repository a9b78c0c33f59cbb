import { heartbeats } from "@/db/schema";
import type { WorkspaceCtx } from "@/server/services/context";
import { getEventBus } from "@/server/events/bus";
import { deleteWorkspaceRow } from "@/server/services/workspace-rows";

/** Deletes a heartbeat with its pings and history; its token answers 404 from now on. */
export async function deleteHeartbeat({
  ctx,
  input: { heartbeatId },
}: {
  ctx: WorkspaceCtx;
  input: { heartbeatId: string };
}) {
  const { workspaceId } = ctx;
  await deleteWorkspaceRow(ctx.db, heartbeats, { workspaceId, id: heartbeatId, what: "heartbeat" });
  getEventBus().emit("heartbeat.changed", { workspaceId, heartbeatId, alarmAt: null });
}
