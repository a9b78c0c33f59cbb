import { getRuntime } from "@/server/runtime";
import { clientIpFrom } from "@/server/auth/client-ip";

/** next-auth reads the body as JSON or as a form, by content type; so must the guard. */
async function emailOf(req: Request): Promise<string> {
  const type = req.headers.get("content-type") ?? "";
  try {
    if (type.includes("application/json")) {
      const body = (await req.clone().json()) as { email?: unknown };
      return typeof body?.email === "string" ? body.email : "";
    }
    if (type.includes("application/x-www-form-urlencoded")) {
      return new URLSearchParams(await req.clone().text()).get("email") ?? "";
    }
  } catch {
    return "";
  }
  return "";
}

/**
 * Every credentials sign-in passes here first (next-auth picks the provider from the second path
 * segment, whatever follows it). The attempt is counted before the password is checked; once the
 * email or the client IP has used up its attempts, the answer is 429. The JSON carries a `url`
 * with `error=RateLimited` so next-auth's client reports it.
 */
export async function guardCredentialsSignIn(
  req: Request,
  segments: string[],
): Promise<Response | null> {
  if (req.method !== "POST" || segments[0] !== "callback" || segments[1] !== "credentials")
    return null;
  const runtime = getRuntime();
  const verdict = await runtime.signInLimiter.attempt(
    await emailOf(req),
    clientIpFrom(req.headers),
  );
  if (!verdict.blocked) return null;
  const minutes = Math.ceil(verdict.retryAfterSecs / 60);
  return Response.json(
    {
      error: `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
      url: `${runtime.config.baseUrl}/sign-in?error=RateLimited`,
    },
    { status: 429, headers: { "retry-after": String(verdict.retryAfterSecs) } },
  );
}
