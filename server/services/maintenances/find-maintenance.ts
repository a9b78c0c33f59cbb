import type { WorkspaceCtx } from "@/server/services/context";
import { notFound } from "@/server/services/errors";
import { isUuid } from "@/server/services/ids";
import {
  loadMaintenanceViews,
  type MaintenanceView,
} from "@/server/services/maintenances/maintenance-records";

/** The workspace's maintenances, newest first, each with its status now. */
export async function listMaintenances({
  ctx,
  input = {},
}: {
  ctx: WorkspaceCtx;
  input?: { limit?: number };
}): Promise<MaintenanceView[]> {
  const all = await loadMaintenanceViews(ctx.db, ctx.workspaceId, ctx.now());
  return input.limit === undefined ? all : all.slice(0, input.limit);
}

/** One maintenance of the workspace; another workspace's is "not found" like a missing one. */
export async function getMaintenance({
  ctx,
  input,
}: {
  ctx: WorkspaceCtx;
  input: { maintenanceId: string };
}): Promise<MaintenanceView> {
  const [found] = isUuid(input.maintenanceId)
    ? await loadMaintenanceViews(ctx.db, ctx.workspaceId, ctx.now(), [input.maintenanceId])
    : [];
  if (!found) throw notFound("maintenance not found");
  return found;
}
