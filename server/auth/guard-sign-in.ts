import { getRuntime } from "@/server/runtime";
import { clientIpFrom } from "@/server/auth/client-ip";

const FIELDS = ["email", "password"] as const;

/**
 * The email next-auth will check, read the way it reads the body (JSON or a form, by content
 * type), or null when the body names a field twice or not as text: a form's repeated field is
 * read first-wins here but last-wins by next-auth, so the guard could count another email.
 */
async function emailOf(req: Request): Promise<string | null> {
  const type = req.headers.get("content-type") ?? "";
  try {
    if (type.includes("application/json")) {
      const body = (await req.clone().json()) as Record<string, unknown> | null;
      const values = FIELDS.map((f) => body?.[f]);
      if (values.some((v) => v !== undefined && typeof v !== "string")) return null;
      return typeof values[0] === "string" ? values[0] : "";
    }
    if (type.includes("application/x-www-form-urlencoded")) {
      const form = new URLSearchParams(await req.clone().text());
      if (FIELDS.some((f) => form.getAll(f).length > 1)) return null;
      return form.get("email") ?? "";
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
  const email = await emailOf(req);
  if (email === null)
    return Response.json(
      { error: "email and password must each be given once, as text" },
      { status: 400 },
    );
  const verdict = await runtime.signInLimiter.attempt(email, clientIpFrom(req.headers));
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
