import { and, eq } from "drizzle-orm";
import { statusPages } from "@/db/schema";
import type { WorkspaceCtx } from "@/server/services/context";
import { getEventBus } from "@/server/events/bus";
import { findStatusPage } from "@/server/services/status-pages/find-status-page";

/** Deletes the page; its slug is free again and every cached copy is dropped. */
export async function deleteStatusPage({
  ctx,
  input: { statusPageId },
}: {
  ctx: WorkspaceCtx;
  input: { statusPageId: string };
}): Promise<void> {
  const page = await findStatusPage(ctx.db, ctx.workspaceId, statusPageId);
  await ctx.db
    .delete(statusPages)
    .where(and(eq(statusPages.id, page.id), eq(statusPages.workspaceId, ctx.workspaceId)));
  await getEventBus().emitAndWait("status-page.changed", {
    workspaceId: ctx.workspaceId,
    statusPageId: page.id,
    slugs: [page.slug],
  });
}
