import { and, eq } from "drizzle-orm";
import { monitors } from "@/db/schema";
import type { WorkspaceCtx } from "@/server/services/context";
import { getEventBus } from "@/server/events/bus";
import { isUuid } from "@/server/services/ids";
import { notFound } from "@/server/services/errors";

/** Deletes a monitor with its history; a check in flight can no longer record (its row is gone). */
export async function deleteMonitor({
  ctx,
  monitorId,
}: {
  ctx: WorkspaceCtx;
  monitorId: string;
}): Promise<void> {
  const deleted = isUuid(monitorId)
    ? await ctx.db
        .delete(monitors)
        .where(and(eq(monitors.id, monitorId), eq(monitors.workspaceId, ctx.workspaceId)))
        .returning({ id: monitors.id })
    : [];
  if (deleted.length === 0) throw notFound("monitor not found");
  getEventBus().emit("monitor.changed", {
    workspaceId: ctx.workspaceId,
    monitorId,
    nextCheckAt: null,
  });
}
