import { getRuntime } from "@/server/runtime";
import { clientIpFrom } from "@/server/auth/client-ip";

/**
 * Refuses a credentials sign-in with 429 when the email or the client IP has used up its failed
 * attempts. The JSON carries a `url` with `error=RateLimited` so next-auth's client reports it.
 */
export async function guardCredentialsSignIn(req: Request): Promise<Response | null> {
  const url = new URL(req.url);
  if (req.method !== "POST" || !url.pathname.endsWith("/callback/credentials")) return null;
  const runtime = getRuntime();
  const form = await req
    .clone()
    .formData()
    .catch(() => null);
  const email = String(form?.get("email") ?? "");
  const verdict = await runtime.signInLimiter.check(email, clientIpFrom(req.headers));
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
