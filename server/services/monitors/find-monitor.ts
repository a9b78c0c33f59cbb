import { monitors } from "@/db/schema";
import type { WorkspaceCtx } from "@/server/services/context";
import { workspaceRowFinder } from "@/server/services/workspace-rows";

/** The workspace's monitor; another workspace's monitor is "not found" like a missing one. */
export const findMonitor = workspaceRowFinder(monitors, "monitor");

/** The monitor of the acting workspace (404 otherwise). */
export const getMonitor = async ({
  ctx,
  input,
}: {
  ctx: WorkspaceCtx;
  input: { monitorId: string };
}) => findMonitor(ctx.db, ctx.workspaceId, input.monitorId);
