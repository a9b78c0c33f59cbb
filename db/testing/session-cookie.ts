import { encode } from "next-auth/jwt";
import type { Db } from "@/db/client";
import { systemClock } from "@/server/services/context";
import { startSession } from "@/server/services/sessions/start-session";

/** A signed-in browser's cookie for a user: a session row and a token naming it, as sign-in makes. */
export async function makeSessionCookie(db: Db, userId: string, secret: string) {
  const { id } = await startSession({
    ctx: { db, now: systemClock },
    input: { userId, userAgent: "test" },
  });
  const token = await encode({ token: { sub: userId, sid: id }, secret });
  return { sessionId: id, cookie: `next-auth.session-token=${token}` };
}
