import postgres from "postgres";
import type { Logger } from "pino";
import { systemClock, type DbHandle } from "@/server/services/context";
import { isUuid } from "@/server/services/ids";
import { SESSIONS_ENDED_CHANNEL } from "@/server/services/sessions/end-user-sessions";
import { findActiveSessions } from "@/server/services/sessions/find-active-sessions";
import type { VigilIo } from "@/server/realtime/create-io";
import { userRoom } from "@/server/realtime/rooms";

/** Disconnects this node's sockets (of one user, or all) whose session has ended. */
async function dropEndedSessionSockets(
  io: VigilIo,
  db: DbHandle,
  userId: string | null,
): Promise<number> {
  const local = userId ? io.local.in(userRoom(userId)) : io.local;
  const sockets = (await local.fetchSockets()).filter((s) => s.data.user?.sessionId);
  const active = await findActiveSessions({
    ctx: { db, now: systemClock },
    input: { sessionIds: [...new Set(sockets.map((s) => s.data.user?.sessionId ?? ""))] },
  });
  const ended = sockets.filter((s) => !active.has(s.data.user?.sessionId ?? ""));
  for (const socket of ended) socket.disconnect(true);
  return ended.length;
}

/**
 * On PostgreSQL, session ends committed by another process (the CLI's password reset) arrive as a
 * NOTIFY with the user's id. postgres.js listens again after a lost connection; notices sent
 * meanwhile are lost, so every socket of this node is checked once it listens again.
 */
export async function listenForSessionEnds(
  databaseUrl: string,
  deps: { io: VigilIo; db: DbHandle; logger: Logger },
): Promise<{ close: () => Promise<void> }> {
  const sql = postgres(databaseUrl, {
    max: 1,
    onnotice: () => {},
    connection: { application_name: "vigil-sessions" },
  });
  const drop = (userId: string | null) =>
    dropEndedSessionSockets(deps.io, deps.db, userId).catch((err: unknown) =>
      deps.logger.warn({ err }, "checking sockets of ended sessions failed"),
    );
  let listening = false;
  const { unlisten } = await sql.listen(
    SESSIONS_ENDED_CHANNEL,
    (payload) => {
      if (isUuid(payload)) void drop(payload);
    },
    () => {
      if (listening) void drop(null);
      listening = true;
    },
  );
  return {
    close: async () => {
      await unlisten().catch(() => {});
      await sql.end({ timeout: 1 });
    },
  };
}
