import { and, eq, isNull } from "drizzle-orm";
import { userSessions, users } from "@/db/schema";
import type { ServiceCtx } from "@/server/services/context";
import { isUuid } from "@/server/services/ids";
import { isSessionId } from "@/server/services/sessions/end-user-sessions";

export type SessionUserRow = { id: string; email: string; name: string | null; sessionId: string };

/**
 * The user behind a session token, or null when the account is gone or the token's session was
 * signed out (sign-out, "sign out everywhere", a password change or reset). One round trip.
 */
export async function getSessionUser({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { userId: string; sessionId: string | undefined };
}): Promise<SessionUserRow | null> {
  const { userId, sessionId } = input;
  if (!isUuid(userId) || !isSessionId(sessionId)) return null;
  const [user] = await ctx.db
    .select({ id: users.id, email: users.email, name: users.name, sessionId: userSessions.id })
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .where(
      and(
        eq(userSessions.id, sessionId),
        eq(userSessions.userId, userId),
        isNull(userSessions.endedAt),
      ),
    )
    .limit(1)
    .prepare("session_user")
    .execute();
  return user ?? null;
}
