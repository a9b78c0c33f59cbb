import type http from "node:http";
import type { PingKind } from "@/server/domain/heartbeats/heartbeat-state";
import { PING_TOKEN } from "@/server/services/heartbeats/heartbeat-token";
import type { PingBatcher } from "@/server/http/ping-batcher";

const MAX_STORED_BODY = 10_000;
// Past this the request is cut off: a ping is not an upload.
const MAX_READ_BODY = 1_000_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const PING_PATH = /^\/ping\/([^/]+)(?:\/([^/]+))?\/?$/;
const SDK_PATH = /^\/api\/v1\/heartbeats\/([^/]+)\/ping\/?$/;

type Parsed =
  { token: string; kind: PingKind; exitStatus: number | null } | { error: number; message: string };

function parseAction(token: string, action: string | undefined): Parsed {
  if (action === undefined) return { token, kind: "success", exitStatus: null };
  if (action === "start" || action === "fail" || action === "log")
    return { token, kind: action, exitStatus: null };
  if (/^\d{1,3}$/.test(action) && Number(action) <= 255) {
    const exitStatus = Number(action);
    return { token, kind: exitStatus === 0 ? "success" : "fail", exitStatus };
  }
  if (/^-?\d+$/.test(action))
    return { error: 400, message: "exit status must be a whole number from 0 to 255" };
  return { error: 404, message: "not found" };
}

/** Plain text for Healthchecks-style URLs; the SDK route answers JSON, as Tickstem's SDKs parse it. */
function reply(
  res: http.ServerResponse,
  status: number,
  text: string,
  head: boolean,
  isJson = false,
): void {
  const body = !isJson ? text : JSON.stringify(status === 200 ? { status: "ok" } : { error: text });
  res.writeHead(status, {
    "content-type": isJson ? "application/json" : "text/plain; charset=utf-8",
    "access-control-allow-origin": "*",
    "cache-control": "no-store",
    "content-length": Buffer.byteLength(body),
  });
  res.end(head ? undefined : body);
}

function readBody(
  req: http.IncomingMessage,
): Promise<{ body: string | null; truncated: boolean } | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let kept = 0;
    let seen = 0;
    req.on("data", (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > MAX_READ_BODY) {
        req.destroy();
        resolve(null);
        return;
      }
      if (kept < MAX_STORED_BODY) {
        const slice = chunk.subarray(0, MAX_STORED_BODY - kept);
        chunks.push(slice);
        kept += slice.length;
      }
    });
    req.on("end", () =>
      resolve({
        body: seen === 0 ? null : Buffer.concat(chunks).toString("utf8"),
        truncated: seen > MAX_STORED_BODY,
      }),
    );
    req.on("error", () => resolve(null));
  });
}

/**
 * The hot ping path, answered before Next.js: Healthchecks-compatible `/ping/<token>[/start|/fail|
 * /log|/<exit status>]` and the SDK's `POST /api/v1/heartbeats/<token>/ping`. No session, one group
 * commit; `200 OK` (`{"status":"ok"}` on the SDK route) only once the ping is durable. Returns false
 * for any other URL.
 */
export function handlePing(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  deps: { batcher: PingBatcher; clientIp: string; onError: (err: unknown) => void },
): boolean {
  const url = req.url ?? "/";
  const q = url.indexOf("?");
  const path = q < 0 ? url : url.slice(0, q);
  const ping = PING_PATH.exec(path);
  const sdk = ping ? null : SDK_PATH.exec(path);
  if (!ping && !(sdk && (req.method === "POST" || req.method === "OPTIONS"))) return false;
  const method = req.method ?? "GET";
  const head = method === "HEAD";
  if (method === "OPTIONS") {
    res.writeHead(204, {
      "access-control-allow-origin": "*",
      "access-control-allow-methods": "GET, POST, HEAD, OPTIONS",
      "access-control-allow-headers": "content-type",
      "access-control-max-age": "86400",
    });
    res.end();
    return true;
  }
  if (method !== "GET" && method !== "POST" && !head) {
    reply(res, 405, "method not allowed", false);
    return true;
  }
  const isJson = sdk !== null;
  const parsed = ping
    ? parseAction(ping[1] ?? "", ping[2])
    : parseAction(sdk?.[1] ?? "", undefined);
  if ("error" in parsed) {
    reply(res, parsed.error, parsed.message, head, isJson);
    return true;
  }
  const rid = q < 0 ? null : new URLSearchParams(url.slice(q + 1)).get("rid");
  if (rid !== null && !UUID.test(rid)) {
    reply(res, 400, "rid must be a UUID", head, isJson);
    return true;
  }
  if (!PING_TOKEN.test(parsed.token)) {
    reply(res, 404, "not found", head, isJson);
    return true;
  }
  void readBody(req).then(async (read) => {
    if (!read) {
      if (!res.headersSent) reply(res, 413, "body too large", head, isJson);
      return;
    }
    // The ping happened when it fully arrived, not when its first bytes did.
    const at = new Date();
    try {
      const outcome = await deps.batcher.record({
        token: parsed.token,
        kind: parsed.kind,
        exitStatus: parsed.exitStatus,
        rid: rid?.toLowerCase() ?? null,
        body: read.body,
        truncated: read.truncated,
        sourceIp: deps.clientIp,
        userAgent: req.headers["user-agent"]?.slice(0, 500) ?? null,
        at,
      });
      if (outcome === "error") reply(res, 503, "temporarily unavailable; retry", head, isJson);
      else
        reply(
          res,
          outcome === "ok" ? 200 : 404,
          outcome === "ok" ? "OK" : "not found",
          head,
          isJson,
        );
    } catch (err) {
      deps.onError(err);
      reply(res, 503, "temporarily unavailable; retry", head, isJson);
    }
  });
  return true;
}
