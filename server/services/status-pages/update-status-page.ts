import { and, eq } from "drizzle-orm";
import { statusPages, type StatusPage } from "@/db/schema";
import type { WorkspaceCtx } from "@/server/services/context";
import { getEventBus } from "@/server/events/bus";
import type { StatusPageChanges } from "@/server/services/status-pages/status-page-settings";
import { findStatusPage } from "@/server/services/status-pages/find-status-page";
import { isUniqueViolation } from "@/server/services/status-pages/unique-violation";
import { assertUsableSlug, slugTaken } from "@/server/services/status-pages/create-status-page";

/**
 * Applies a partial edit. A new slug frees the old one at once. Every node drops its cached copies of
 * the page under its old and new slug before this returns (the bus waits for them), so a page made
 * private is never served from a cache after the call.
 */
export async function updateStatusPage({
  ctx,
  input: { statusPageId, changes },
}: {
  ctx: WorkspaceCtx;
  input: { statusPageId: string; changes: StatusPageChanges };
}): Promise<StatusPage> {
  if (changes.slug !== undefined) assertUsableSlug(changes.slug);
  const before = await findStatusPage(ctx.db, ctx.workspaceId, statusPageId);
  let page: StatusPage | undefined;
  try {
    [page] = await ctx.db
      .update(statusPages)
      .set({ ...changes, updatedAt: ctx.now() })
      .where(and(eq(statusPages.id, before.id), eq(statusPages.workspaceId, ctx.workspaceId)))
      .returning();
  } catch (e) {
    if (isUniqueViolation(e)) throw slugTaken(changes.slug ?? before.slug);
    throw e;
  }
  if (!page) throw new Error("status page update returned no row");
  await getEventBus().emitAndWait("status-page.changed", {
    workspaceId: ctx.workspaceId,
    statusPageId: page.id,
    slugs: [...new Set([before.slug, page.slug])],
  });
  return page;
}
