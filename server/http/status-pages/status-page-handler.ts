import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { systemClock } from "@/server/services/context";
import { userFromCookieHeader, sessionTokenFromCookieHeader } from "@/server/auth/session-cookie";
import { looksLikeSlug } from "@/server/domain/status-pages/slug";
import { listUserWorkspaces } from "@/server/services/workspaces/list-user-workspaces";
import type { CachedBody } from "@/server/http/status-pages/page-cache";
import { lazyBody } from "@/server/http/status-pages/page-cache";
import { notFoundHtml, notFoundJson } from "@/server/http/status-pages/not-found";
import { INTERNAL_HEADER } from "@/server/http/status-pages/loopback-request";
import { fillHtml, fillJson, loadView } from "@/server/http/status-pages/fill-page";
import type { StatusPageDeps } from "@/server/http/status-pages/status-page-deps";
import {
  jsonKindOf,
  JSON_TYPE,
  renderJson,
  type Kind,
} from "@/server/http/status-pages/statuspage-json";
import {
  dropView,
  HANDOVER_HEADER,
  handOverView,
  newHandoverToken,
} from "@/server/services/status-pages/view-handover";

const notFoundInternal = lazyBody(
  Buffer.from(JSON.stringify({ error: "not found" })),
  "application/json; charset=utf-8",
);

export const PREVIEW_PREFIX = "/status-preview/";

const PUBLIC_CACHE = "public, max-age=0, must-revalidate";
const PRIVATE_CACHE = "private, no-store";

/** Whether the request belongs to the status page routes; if so it is answered here. */
export function handleStatusPage(
  req: IncomingMessage,
  res: ServerResponse,
  deps: StatusPageDeps,
): boolean {
  const url = req.url ?? "/";
  const internal = isInternal(req.headers[INTERNAL_HEADER], deps.internalToken);
  if (url.startsWith("/api/internal/")) {
    if (internal) return false;
    send(req, res, 404, notFoundInternal, "no-store");
    return true;
  }
  if (url.startsWith(PREVIEW_PREFIX)) {
    // Only ever reached by an internal rewrite below; from outside it does not exist.
    send(req, res, 404, notFoundHtml, "no-store");
    return true;
  }
  if (!url.startsWith("/status/") || internal) return false;
  serve(req, res, deps).catch((err: unknown) => {
    deps.logger.error({ err, url }, "status page request failed");
    if (!res.headersSent)
      res.writeHead(503, { "content-type": "application/json", "retry-after": "5" });
    res.end('{"error":"status page temporarily unavailable; try again in a few seconds"}');
  });
  return true;
}

function isInternal(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== "string" || given.length !== token.length || token === "") return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(token));
}

function parse(url: string): { slug: string; kind: Kind | null; query: string } {
  const q = url.indexOf("?");
  const path = q === -1 ? url : url.slice(0, q);
  const query = q === -1 ? "" : url.slice(q + 1);
  const rest = path.slice("/status/".length).replace(/\/+$/, "");
  const slash = rest.indexOf("/");
  const slug = slash === -1 ? rest : rest.slice(0, slash);
  const tail = slash === -1 ? "" : rest.slice(slash + 1);
  const kind = tail === "" ? "html" : jsonKindOf(tail);
  return { slug, kind, query: q === -1 ? "" : `?${query}` };
}

async function serve(req: IncomingMessage, res: ServerResponse, deps: StatusPageDeps) {
  const { slug, kind, query } = parse(req.url ?? "/");
  const jsonish = (req.url ?? "").split("?")[0]!.endsWith(".json");
  const missing = () =>
    jsonish
      ? send(req, res, 404, notFoundJson, "no-store")
      : send(req, res, 404, notFoundHtml, "no-store");
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { allow: "GET, HEAD", "content-type": "application/json" });
    res.end(JSON.stringify({ error: "method not allowed" }));
    return;
  }
  if (kind && redirectedToLowercase(req, res, slug, kind)) return;
  if (!kind || !looksLikeSlug(slug)) return missing();
  // A signed-in visitor's workspaces are resolved before the page is looked at, so a private page
  // and a missing one cost the same work (no timing oracle for guessable slugs).
  const viewer = await viewerWorkspaces(req, deps);
  const meta = await deps.directory.lookup(slug);
  if (!meta) return missing();

  if (meta.visibility === "private") {
    if (!viewer?.includes(meta.workspaceId)) return missing();
    if (kind === "html") {
      // The members' preview: rendered fresh for them, never cached anywhere. Its view starts
      // loading now, while Next routes the request; the page takes it by a one-time token.
      req.url = `${PREVIEW_PREFIX}${slug}${query}`;
      const view = loadView(deps, slug, viewer);
      const token = handOverView(newHandoverToken(), view);
      req.headers[HANDOVER_HEADER] = token;
      res.setHeader("cache-control", PRIVATE_CACHE);
      try {
        return await deps.next(req, res);
      } finally {
        dropView(token, view);
      }
    }
    const view = await loadView(deps, slug, viewer);
    if (!view) return missing();
    return send(
      req,
      res,
      200,
      lazyBody(Buffer.from(JSON.stringify(renderJson(kind, view))), JSON_TYPE),
      PRIVATE_CACHE,
    );
  }

  // Every request for a public page, RSC ones included, is answered from the copy: a client-side
  // navigation that gets HTML falls back to a full load, and no query string bypasses the cache.
  const body = await deps.cache.get(slug, kind, meta.workspaceId, (generation) =>
    kind === "html" ? fillHtml(deps, meta, generation) : fillJson(deps, slug, kind),
  );
  if (!body) return missing();
  const headers: Record<string, string> =
    kind === "html" ? {} : { "access-control-allow-origin": "*" };
  return send(req, res, 200, body, PUBLIC_CACHE, headers);
}

/**
 * Slugs are lowercase: a visitor who typed capitals is sent to the lowercase page, whether or not
 * it exists or is private, so the answer says nothing about which slugs are taken.
 */
function redirectedToLowercase(
  req: IncomingMessage,
  res: ServerResponse,
  slug: string,
  kind: Kind,
) {
  const lower = slug.toLowerCase();
  if (lower === slug || !looksLikeSlug(lower)) return false;
  const tail = (req.url ?? "").slice("/status/".length + slug.length);
  res.writeHead(308, {
    location: `/status/${lower}${tail}`,
    "cache-control": PUBLIC_CACHE,
    ...(kind === "html" ? {} : { "access-control-allow-origin": "*" }),
  });
  res.end();
  return true;
}

/** The workspaces of the signed-in visitor (null when anonymous or the session is not valid). */
async function viewerWorkspaces(req: IncomingMessage, deps: StatusPageDeps) {
  if (!sessionTokenFromCookieHeader(req.headers.cookie)) return null;
  const ctx = { db: deps.db, now: systemClock };
  const user = await userFromCookieHeader({
    ctx,
    cookieHeader: req.headers.cookie,
    secret: deps.authSecret,
  });
  if (!user) return null;
  return (await listUserWorkspaces({ ctx, input: { userId: user.id } })).map((w) => w.id);
}

function send(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  body: CachedBody,
  cacheControl: string,
  extra: Record<string, string> = {},
) {
  const headers: Record<string, string> = {
    "content-type": body.contentType,
    "cache-control": cacheControl,
    vary: "Accept-Encoding",
    "x-content-type-options": "nosniff",
    ...extra,
  };
  if (status === 200) headers.etag = body.etag;
  if (status === 200 && req.headers["if-none-match"] === body.etag) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  const accept = String(req.headers["accept-encoding"] ?? "");
  let payload = body.body;
  if (/\bbr\b/.test(accept)) {
    payload = body.br;
    headers["content-encoding"] = "br";
  } else if (/\bgzip\b/.test(accept)) {
    payload = body.gzip;
    headers["content-encoding"] = "gzip";
  }
  headers["content-length"] = String(payload.length);
  res.writeHead(status, headers);
  res.end(req.method === "HEAD" ? undefined : payload);
}
