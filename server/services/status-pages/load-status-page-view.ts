import { getRuntime } from "@/server/runtime";
import type { StatusPageView } from "@/server/domain/status-pages/page-view";
import {
  findVisibleStatusPage,
  type Viewer,
} from "@/server/services/status-pages/find-visible-status-page";
import { getStatusPageView } from "@/server/services/status-pages/get-status-page-view";

/** The page at `slug` as this viewer may see it (for Next's pages), or null. */
export async function loadStatusPageView(
  slug: string,
  viewer: Viewer,
): Promise<StatusPageView | null> {
  const { db, config } = getRuntime();
  const page = await findVisibleStatusPage(db, slug, viewer);
  if (!page) return null;
  return getStatusPageView(db, page, { now: new Date(), baseUrl: config.baseUrl });
}
