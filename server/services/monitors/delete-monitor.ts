import { monitors } from "@/db/schema";
import type { WorkspaceCtx } from "@/server/services/context";
import { getEventBus } from "@/server/events/bus";
import { deleteWorkspaceRow } from "@/server/services/workspace-rows";

/** Deletes a monitor with its history; a check in flight can no longer record (its row is gone). */
export async function deleteMonitor({
  ctx,
  input: { monitorId },
}: {
  ctx: WorkspaceCtx;
  input: { monitorId: string };
}) {
  const { workspaceId } = ctx;
  await deleteWorkspaceRow(ctx.db, monitors, { workspaceId, id: monitorId, what: "monitor" });
  getEventBus().emit("monitor.changed", { workspaceId, monitorId, nextCheckAt: null });
}
