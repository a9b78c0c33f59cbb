import { and, eq } from "drizzle-orm";
import { monitors, type Monitor } from "@/db/schema";
import type { DbOrTx } from "@/db/client";
import type { WorkspaceCtx } from "@/server/services/context";
import { notFound } from "@/server/services/errors";
import { isUuid } from "@/server/services/ids";

/** The workspace's monitor; another workspace's monitor is "not found" like a missing one. */
export async function findMonitor(
  db: DbOrTx,
  workspaceId: string,
  monitorId: string,
): Promise<Monitor> {
  if (!isUuid(monitorId)) throw notFound("monitor not found");
  const [monitor] = await db
    .select()
    .from(monitors)
    .where(and(eq(monitors.id, monitorId), eq(monitors.workspaceId, workspaceId)))
    .limit(1);
  if (!monitor) throw notFound("monitor not found");
  return monitor;
}

/** The monitor of the acting workspace (404 otherwise). */
export const getMonitor = ({ ctx, monitorId }: { ctx: WorkspaceCtx; monitorId: string }) =>
  findMonitor(ctx.db, ctx.workspaceId, monitorId);
