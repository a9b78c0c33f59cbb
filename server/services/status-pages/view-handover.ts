import { randomUUID } from "node:crypto";
import type { StatusPageView } from "@/server/domain/status-pages/page-view";

/**
 * Views the custom server started loading for a render it is about to ask Next for: the page
 * takes the promise instead of reading the database again, so the view's queries run while the
 * request goes through loopback and Next's routing rather than after them. Kept on globalThis,
 * because the custom server and Next's page bundle each have their own copy of this module.
 *
 * A key is one-time and short-lived. A public page's key is its slug (an ISR render cannot read
 * request headers); a private preview's is a random token the custom server sets in a header it
 * overwrites on every rewrite, so nothing from outside can name one. A view taken late is still
 * guarded by the fill's `data-generated-at` check, like any render that raced a flip.
 */
type Handed = { view: Promise<StatusPageView | null>; expiresAt: number };

const TTL_MS = 10_000;
const STORE = Symbol.for("vigil.statusPageViewHandover");
const store = ((globalThis as Record<symbol, Map<string, Handed> | undefined>)[STORE] ??= new Map<
  string,
  Handed
>());

/** The header a private preview's handover token travels in, set only by the custom server. */
export const HANDOVER_HEADER = "x-vigil-view";

export const publicHandoverKey = (slug: string) => `public:${slug}`;
const PREVIEW_KEY = "preview:";

/** Leaves `view` for the render under `key`; returns the key. */
export function handOverView(key: string, view: Promise<StatusPageView | null>): string {
  // Never an unhandled rejection when no render takes it; the render that does sees the error.
  view.catch(() => {});
  store.set(key, { view, expiresAt: Date.now() + TTL_MS });
  return key;
}

/**
 * Forgets `view` if no render took it (Next answered from its copy, or the request ended before
 * the page ran), so that a later render cannot take it; a view handed over since is kept.
 */
export function dropView(key: string, view: Promise<StatusPageView | null>): void {
  if (store.get(key)?.view === view) store.delete(key);
}

/** A one-time key for a private preview's view. */
export const newHandoverToken = () => `${PREVIEW_KEY}${randomUUID()}`;

/** Whether `key` can be a preview's token (a preview never takes a public page's view). */
export const isPreviewToken = (key: string | null | undefined): key is string =>
  typeof key === "string" && key.startsWith(PREVIEW_KEY);

/** The view handed over under `key`, once; null when there is none (the page then loads it). */
export function takeView(key: string | null | undefined): Promise<StatusPageView | null> | null {
  if (!key) return null;
  const now = Date.now();
  for (const [k, h] of store) if (h.expiresAt <= now) store.delete(k);
  const handed = store.get(key);
  if (!handed) return null;
  store.delete(key);
  return handed.expiresAt > now ? handed.view : null;
}
