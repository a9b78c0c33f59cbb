import { decode } from "next-auth/jwt";
import type { ServiceCtx } from "@/server/services/context";
import { getSessionUser } from "@/server/services/users/get-session-user";
import type { SessionUser } from "@/server/auth/get-session";

const COOKIE_NAMES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

function parseCookies(header: string | undefined): Map<string, string> {
  const jar = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    try {
      jar.set(name, decodeURIComponent(part.slice(eq + 1).trim()));
    } catch {
      jar.set(name, part.slice(eq + 1).trim());
    }
  }
  return jar;
}

/** Reads next-auth's session token (whole or chunked) from a Cookie header. */
export function sessionTokenFromCookieHeader(header: string | undefined): string | null {
  const jar = parseCookies(header);
  for (const name of COOKIE_NAMES) {
    const whole = jar.get(name);
    if (whole) return whole;
    const chunks: string[] = [];
    for (let i = 0; jar.has(`${name}.${i}`); i++) chunks.push(jar.get(`${name}.${i}`) ?? "");
    if (chunks.length > 0) return chunks.join("");
  }
  return null;
}

/** The user a Cookie header's session belongs to, checked the same way next-auth checks it. */
export async function userFromCookieHeader({
  ctx,
  cookieHeader,
  secret,
}: {
  ctx: ServiceCtx;
  cookieHeader: string | undefined;
  secret: string;
}): Promise<SessionUser | null> {
  const token = sessionTokenFromCookieHeader(cookieHeader);
  if (!token) return null;
  const claims = await decode({ token, secret }).catch(() => null);
  const userId = typeof claims?.sub === "string" ? claims.sub : null;
  const sessionId = typeof claims?.sid === "string" ? claims.sid : undefined;
  // A token without a session id predates session rows: it counts as signed out.
  if (!userId || !sessionId) return null;
  return getSessionUser({ ctx, input: { userId, sessionId } });
}
