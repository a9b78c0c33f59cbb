import { viewOfPageAt } from "@/server/services/status-pages/load-status-page-view";
import {
  dropView,
  handOverView,
  publicHandoverKey,
} from "@/server/services/status-pages/view-handover";
import type { Filled } from "@/server/http/status-pages/page-cache";
import type { PageMeta } from "@/server/services/status-pages/find-status-page";
import { INTERNAL_HEADER, loopbackRequest } from "@/server/http/status-pages/loopback-request";
import { REVALIDATE_HEADER, renderedAtOf } from "@/server/http/status-pages/next-internals";
import { JSON_TYPE, renderJson, type Kind } from "@/server/http/status-pages/statuspage-json";
import type { StatusPageDeps } from "@/server/http/status-pages/status-page-deps";

// Filling the custom server's copy of a page: its JSON from the view, its HTML from Next's ISR.

/** The page as the public sees it, or as a member of one of `workspaceIds` does. */
export const loadView = (
  deps: StatusPageDeps,
  slug: string,
  workspaceIds: string[] | null = null,
) =>
  viewOfPageAt({
    ctx: { db: deps.db, baseUrl: deps.baseUrl },
    input: {
      slug,
      mayView: (page) =>
        workspaceIds ? workspaceIds.includes(page.workspaceId) : page.visibility === "public",
    },
  });

export async function fillJson(deps: StatusPageDeps, slug: string, kind: Kind): Promise<Filled> {
  const view = await loadView(deps, slug);
  return view
    ? { body: Buffer.from(JSON.stringify(renderJson(kind, view))), contentType: JSON_TYPE }
    : null;
}

/** Asks Next to expire its ISR copy of the page (revalidatePath runs only inside Next). */
async function ensureIsrFresh(deps: StatusPageDeps, meta: PageMeta, generation: number) {
  if (deps.cache.isIsrFresh(meta.slug)) return;
  await revalidateIsr(deps, [meta.slug]);
  deps.cache.markIsrFresh(meta.slug, meta.workspaceId, generation);
}

/** Expires Next's ISR copies of these pages (also drops a page made private from Next's cache). */
export async function revalidateIsr(
  deps: Pick<StatusPageDeps, "origin" | "internalToken">,
  slugs: string[],
): Promise<void> {
  const res = await loopbackRequest(`${deps.origin()}/api/internal/revalidate`, {
    method: "POST",
    headers: { [INTERNAL_HEADER]: deps.internalToken, "content-type": "application/json" },
    body: JSON.stringify({ paths: slugs.map((slug) => `/status/${slug}`) }),
    timeoutMs: 15_000,
  });
  if (res.status !== 200) throw new Error(`revalidate answered ${res.status}`);
}

/**
 * The page's HTML from Next: its ISR copy when that is known current, else rendered afresh (and
 * kept by Next). A copy rendered before the page's last change is refused and rendered again: a
 * render racing a flip can finish after it.
 */
export async function fillHtml(
  deps: StatusPageDeps,
  meta: PageMeta,
  generation: number,
): Promise<Filled> {
  for (let attempt = 1; ; attempt++) {
    const headers: Record<string, string> = {
      [INTERNAL_HEADER]: deps.internalToken,
      "accept-encoding": "identity",
    };
    // A retry expires the copy through the route instead, in case Next did not take the id.
    const renderNow = attempt === 1 && !deps.cache.isIsrFresh(meta.slug) && deps.revalidateId;
    // When Next will render, the view loads while the request goes through loopback and routing.
    const handed = renderNow ? loadView(deps, meta.slug) : null;
    if (renderNow) headers[REVALIDATE_HEADER] = deps.revalidateId as string;
    else await ensureIsrFresh(deps, meta, generation);
    if (handed) handOverView(publicHandoverKey(meta.slug), handed);
    const res = await loopbackRequest(`${deps.origin()}/status/${meta.slug}`, {
      headers,
      timeoutMs: 15_000,
    }).finally(() => handed && dropView(publicHandoverKey(meta.slug), handed));
    if (renderNow && res.status === 200)
      deps.cache.markIsrFresh(meta.slug, meta.workspaceId, generation);
    const { body } = res;
    // Made private or deleted since the lookup: missing. Anything else is a failure, not a 404.
    if (res.status === 404) return null;
    if (res.status !== 200) throw new Error(`status page render answered ${res.status}`);
    const filled = { body, contentType: res.contentType ?? "text/html; charset=utf-8" };
    if (renderedAtOf(body) >= deps.cache.changedAt(meta.slug)) return filled;
    deps.cache.markIsrStale(meta.slug);
    // Never answer with a state older than the last change: fail rather than lie.
    if (attempt === 3) throw new Error("status page render kept predating its last change");
  }
}
