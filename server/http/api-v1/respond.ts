import { ZodError, type z } from "zod";
import { getRuntime } from "@/server/runtime";
import type { Config } from "@/server/config";
import { systemClock, type PolicyCtx, type SendingCtx } from "@/server/services/context";
import { alertDepsFrom } from "@/server/services/alerts/alert-deps";
import { isServiceError, type ServiceErrorCode } from "@/server/services/errors";
import { authenticateApiKey } from "@/server/services/api-keys/authenticate-api-key";
import { describeIssue } from "@/server/domain/validation/validation-issues";

const STATUS: Record<ServiceErrorCode, number> = {
  BAD_INPUT: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
};

// REST JSON is held to less than the server-wide 1 MiB cap (server/http/limit-request-body.ts).
const MAX_BODY_BYTES = 256 * 1024;
const BODY_TOO_LARGE = "request body too large (limit 256 KiB)";

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const jsonError = (status: number, message: string, headers: Record<string, string> = {}) =>
  Response.json({ error: message }, { status, headers });

/** One line naming the field, in the API's snake_case. */
const describeZodError = (error: ZodError): string => describeIssue(error.issues[0]).message;

/** Reads a JSON object body, refusing non-JSON (400) and bodies over the limit (413). */
export async function readJson(req: Request): Promise<unknown> {
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES) throw new HttpError(413, BODY_TOO_LARGE);
  const text = await req.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw new HttpError(413, BODY_TOO_LARGE);
  if (text.trim() === "") throw new HttpError(400, "request body must be a JSON object");
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
      throw new HttpError(400, "request body must be a JSON object");
    return parsed;
  } catch (e) {
    if (e instanceof HttpError) throw e;
    throw new HttpError(400, "request body is not valid JSON");
  }
}

export function parseWith<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw new HttpError(400, describeZodError(result.error));
  return result.data;
}

/** `?limit=`: default 50, above 1000 served as 1000, below 1 or not a number is a 400. */
export function parseLimit(req: Request): number {
  const raw = new URL(req.url).searchParams.get("limit");
  if (raw === null || raw === "") return 50;
  if (!/^-?\d+$/.test(raw)) throw new HttpError(400, "limit must be a whole number");
  const n = Number(raw);
  if (n < 1) throw new HttpError(400, "limit must be at least 1");
  return Math.min(n, 1000);
}

/** `?offset=`: how many of the newest to skip, default 0; negative or not a number is a 400. */
export function parseOffset(req: Request): number {
  const raw = new URL(req.url).searchParams.get("offset");
  if (raw === null || raw === "") return 0;
  if (!/^\d+$/.test(raw)) throw new HttpError(400, "offset must be a whole number, 0 or more");
  return Math.min(Number(raw), 1_000_000_000);
}

type Handler = (args: {
  req: Request;
  ctx: PolicyCtx & SendingCtx;
  params: Record<string, string>;
  /** Quotas, private-target policy, base URL…: read here once so handlers never reach for the runtime. */
  config: Config;
  /** The API key this request came with. */
  apiKey: { expiresAt: Date | null };
}) => Promise<Response>;

/**
 * REST API v1 adapter: Bearer API key → workspace context; service and input errors become
 * `{"error": "…"}` with a 4xx status; anything unexpected is a logged 500 without details.
 */
export function apiRoute(handler: Handler) {
  return async (
    req: Request,
    context: { params: Promise<Record<string, string>> },
  ): Promise<Response> => {
    const runtime = getRuntime();
    try {
      const header = req.headers.get("authorization") ?? "";
      const key = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
      // Missing, unknown, revoked or expired: an UNAUTHORIZED service error, answered 401 below.
      const auth = await authenticateApiKey({
        ctx: { db: runtime.db, now: systemClock },
        input: { key },
      });
      if (auth.scope === "read" && req.method !== "GET" && req.method !== "HEAD")
        return jsonError(403, "this API key is read-only");
      const ctx: PolicyCtx & SendingCtx = {
        db: runtime.db,
        now: systemClock,
        actor: { userId: auth.userId ?? "" },
        workspaceId: auth.workspaceId,
        policy: { privateTargets: runtime.config.privateTargets, quotas: runtime.config.quotas },
        alerts: alertDepsFrom(runtime.config),
      };
      return await handler({
        req,
        ctx,
        params: await context.params,
        config: runtime.config,
        apiKey: { expiresAt: auth.expiresAt },
      });
    } catch (e) {
      if (e instanceof HttpError) return jsonError(e.status, e.message);
      if (e instanceof ZodError) return jsonError(400, describeZodError(e));
      if (isServiceError(e)) {
        const headers: Record<string, string> = e.details.retryAfterSecs
          ? { "retry-after": String(e.details.retryAfterSecs) }
          : {};
        return jsonError(STATUS[e.code], e.message, headers);
      }
      runtime.logger.error({ err: e, url: req.url }, "API request failed");
      return jsonError(500, "internal error");
    }
  };
}
