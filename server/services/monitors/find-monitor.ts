import { monitors, type Monitor } from "@/db/schema";
import type { DbOrTx } from "@/db/client";
import type { WorkspaceCtx } from "@/server/services/context";
import { findWorkspaceRow } from "@/server/services/workspace-rows";

/** The workspace's monitor; another workspace's monitor is "not found" like a missing one. */
export const findMonitor = async (
  db: DbOrTx,
  workspaceId: string,
  monitorId: string,
): Promise<Monitor> =>
  findWorkspaceRow(db, monitors, { workspaceId, id: monitorId, what: "monitor" });

/** The monitor of the acting workspace (404 otherwise). */
export const getMonitor = async ({
  ctx,
  input,
}: {
  ctx: WorkspaceCtx;
  input: { monitorId: string };
}) => findMonitor(ctx.db, ctx.workspaceId, input.monitorId);
