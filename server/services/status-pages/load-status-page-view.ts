import type { StatusPageView } from "@/server/domain/status-pages/page-view";
import {
  findVisibleStatusPage,
  type Viewer,
} from "@/server/services/status-pages/find-visible-status-page";
import { getStatusPageView } from "@/server/services/status-pages/get-status-page-view";
import { findStatusPageBySlug } from "@/server/services/status-pages/find-status-page";
import type { DbOrTx } from "@/db/client";
import type { StatusPage } from "@/db/schema";

/** The page at `slug` as this viewer may see it (for Next's pages), or null. */
export async function loadStatusPageView({
  ctx,
  input,
}: {
  ctx: { db: DbOrTx; baseUrl: string };
  input: { slug: string; viewer: Viewer };
}): Promise<StatusPageView | null> {
  const page = await findVisibleStatusPage(ctx.db, input.slug, input.viewer);
  if (!page) return null;
  return getStatusPageView(ctx.db, page, { now: new Date(), baseUrl: ctx.baseUrl });
}

/**
 * The page at `slug` if `mayView` it (for the custom server, which has decided who the visitor is
 * and passes its own database handle), or null. Checked on the page as read, so a slug that
 * changed hands since the caller's lookup is not shown to the wrong visitor.
 */
export async function viewOfPageAt({
  ctx: { db, baseUrl },
  input: { slug, mayView },
}: {
  ctx: { db: DbOrTx; baseUrl: string };
  input: { slug: string; mayView: (page: StatusPage) => boolean };
}): Promise<StatusPageView | null> {
  const page = await findStatusPageBySlug({ ctx: { db }, input: { slug } });
  if (!page || !mayView(page)) return null;
  return getStatusPageView(db, page, { now: new Date(), baseUrl });
}
