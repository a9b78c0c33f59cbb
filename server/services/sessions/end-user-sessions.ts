import { and, eq, isNull, ne, sql } from "drizzle-orm";
import { userSessions } from "@/db/schema";
import type { DbOrTx } from "@/db/client";
import { getEventBus } from "@/server/events/bus";
import { ServiceError } from "@/server/services/errors";
import { isUuid } from "@/server/services/ids";

/** A session id as a token carries it; anything else names no session (and no SQL cast error). */
export const isSessionId = (value: unknown): value is string =>
  typeof value === "string" && isUuid(value);

/** Ends the user's active sessions (all, or all but `exceptId`); returns the ids it ended. */
export async function endUserSessions(
  db: DbOrTx,
  { userId, exceptId, now }: { userId: string; exceptId?: string; now: Date },
): Promise<string[]> {
  const rows = await db
    .update(userSessions)
    .set({ endedAt: now })
    .where(
      and(
        eq(userSessions.userId, userId),
        isNull(userSessions.endedAt),
        exceptId ? ne(userSessions.id, exceptId) : undefined,
      ),
    )
    .returning({ id: userSessions.id });
  return rows.map((r) => r.id);
}

/** After commit: every node closes the sockets of these sessions. */
export function announceSessionsEnded(userId: string, sessionIds: string[]): void {
  if (sessionIds.length > 0) getEventBus().emit("user.sessions-ended", { userId, sessionIds });
}

/** The acting user's own session, still active; anything else must sign in again. */
export async function assertCurrentSession(
  db: DbOrTx,
  { userId, sessionId }: { userId: string; sessionId: string | undefined },
): Promise<string> {
  const [row] = isSessionId(sessionId)
    ? await db
        .select({ id: userSessions.id })
        .from(userSessions)
        .where(
          and(
            eq(userSessions.id, sessionId),
            eq(userSessions.userId, userId),
            isNull(userSessions.endedAt),
          ),
        )
        .limit(1)
    : [];
  if (!row) throw new ServiceError("UNAUTHORIZED", "Your session has ended. Sign in again.");
  return row.id;
}

/** Servers on PostgreSQL LISTEN here for session ends committed by another process (the CLI). */
export const SESSIONS_ENDED_CHANNEL = "vigil_sessions_ended";

/** Sent with the transaction: delivered on commit, to every server, with the user's id. */
export async function notifySessionsEnded(db: DbOrTx, userId: string): Promise<void> {
  await db.execute(sql`select pg_notify(${SESSIONS_ENDED_CHANNEL}, ${userId})`);
}
