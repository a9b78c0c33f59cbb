import type { Server as HttpServer, IncomingMessage } from "node:http";
import { Server, type ServerOptions } from "socket.io";
import type { Logger } from "pino";
import type { SessionUser } from "@/server/auth/get-session";
import { userFromCookieHeader } from "@/server/auth/session-cookie";
import { systemClock, type DbHandle } from "@/server/services/context";
import { listUserWorkspaces } from "@/server/services/workspaces/list-user-workspaces";
import { parseRoom, sessionRoom, userRoom, workspaceRoom } from "@/server/realtime/rooms";
import { findVisibleStatusPageById } from "@/server/services/status-pages/find-visible-status-page";
import { statusPageRoom, type StatusFlipMessage } from "@/server/realtime/status-page-messages";
import type { PageInvalidation } from "@/server/domain/status-pages/page-invalidation";
import { createJoinLimiter, type JoinLimit } from "@/server/realtime/join-limiter";

type SocketData = { user: SessionUser | null; workspaceIds: string[] };

type JoinAck = (reply: { ok: true; room: string } | { ok: false; error: string }) => void;

type ClientToServer = { "room:join": (room: string, ack?: JoinAck) => void };
type FlipMessage = {
  flipId: string;
  workspaceId: string;
  subjectKind: "monitor" | "heartbeat";
  subjectId: string;
  from: string;
  to: string;
  at: string;
};

type ServerToClient = {
  "room:joined": (room: string) => void;
  flip: (flip: FlipMessage) => void;
  "monitor:changed": (change: { monitorId: string }) => void;
  "heartbeat:changed": (change: { heartbeatId: string }) => void;
  "status:flip": (flip: StatusFlipMessage) => void;
  "status:changed": (change: { statusPageId: string; slug?: string }) => void;
  "status:gone": (change: { statusPageId: string }) => void;
};

/** Between the nodes of a cluster (Postgres adapter): what each node must drop from its caches. */
type ServerSideEvents = {
  /** A page changed: acknowledged once this node dropped it. */
  "status-page:invalidate": (invalidation: PageInvalidation, ack: (done: true) => void) => void;
  /**
   * A page became private (workspaceId: its members stay) or was deleted (null): each node tells
   * its own outsiders and drops them, in that order, from this one message.
   */
  "status-page:evict": (eviction: { statusPageId: string; workspaceId: string | null }) => void;
  /** A flip or a soft change in a workspace: not acknowledged. */
  "status-page:invalidate-workspace": (invalidation: PageInvalidation) => void;
};

export type VigilIo = Server<ClientToServer, ServerToClient, ServerSideEvents, SocketData>;

/**
 * Socket.IO on the given HTTP server. One middleware authenticates every connection from the
 * next-auth session cookie; anonymous clients may connect but never join a workspace room.
 */
export function createIo(
  httpServer: HttpServer,
  deps: {
    db: DbHandle;
    secret: string;
    logger: Logger;
    adapter?: ServerOptions["adapter"];
    /** The client's address as the HTTP server sees it (a trusted proxy's header, or the socket). */
    clientIp?: (req: IncomingMessage) => string;
    joinLimit?: JoinLimit;
  },
): VigilIo {
  const io: VigilIo = new Server(httpServer, {
    path: "/socket.io",
    // Without one (PGlite: a single process), rooms live in this process's memory.
    ...(deps.adapter ? { adapter: deps.adapter } : {}),
    serveClient: false,
    cors: { origin: false },
    // Cross-site pages must not ride a member's cookie into a socket: same origin or no Origin.
    allowRequest: (req, callback) => {
      const origin = req.headers.origin;
      if (!origin) return callback(null, true);
      try {
        callback(null, new URL(origin).host === req.headers.host);
      } catch {
        callback(null, false);
      }
    },
  });
  const ctx = { db: deps.db, now: systemClock };
  const mayJoinAnonymously = createJoinLimiter(deps.joinLimit);

  io.use((socket, next) => {
    // Never rejects: a failure is logged and refuses the socket.
    void (async () => {
      try {
        const user = await userFromCookieHeader({
          ctx,
          cookieHeader: socket.handshake.headers.cookie,
          secret: deps.secret,
        });
        const workspaceIds = user
          ? (await listUserWorkspaces({ ctx, input: { userId: user.id } })).map((w) => w.id)
          : [];
        socket.data = { user, workspaceIds };
        next();
      } catch (e) {
        deps.logger.warn({ err: e }, "socket auth failed");
        next(new Error("authentication failed"));
      }
    })();
  });

  io.on("connection", (socket) => {
    const user = socket.data.user;
    if (user) void socket.join(userRoom(user.id));
    if (user?.sessionId) void socket.join(sessionRoom(user.sessionId));
    for (const id of socket.data.workspaceIds) void socket.join(workspaceRoom(id));
    const ip = deps.clientIp?.(socket.request) ?? socket.handshake.address;

    socket.on("room:join", (room, ack) => {
      const reply: JoinAck = typeof ack === "function" ? ack : () => {};
      const request = parseRoom(room);
      if (request.kind === "workspace" && socket.data.workspaceIds.includes(request.id)) {
        const name = workspaceRoom(request.id);
        void socket.join(name);
        reply({ ok: true, room: name });
        return;
      }
      if (request.kind === "status-page") {
        // A private page's room is for its workspace's members; to anyone else it is the same
        // refusal as a page that does not exist.
        // Past its limit an anonymous client is refused the same way too: the refusal tells nothing.
        const viewer = socket.data.user ? { userId: socket.data.user.id } : null;
        (viewer ? Promise.resolve(true) : mayJoinAnonymously(ip))
          .then((allowed) =>
            allowed
              ? findVisibleStatusPageById({
                  ctx: { db: deps.db },
                  input: { statusPageId: request.id, viewer },
                })
              : null,
          )
          .then(async (page) => {
            if (!page) return reply({ ok: false, error: "forbidden" });
            const name = statusPageRoom(page.id);
            await socket.join(name);
            // Made private between the check and the join: the change's eviction may have missed
            // this socket, so look again now that it is in the room.
            if (
              !(await findVisibleStatusPageById({
                ctx: { db: deps.db },
                input: { statusPageId: request.id, viewer },
              }))
            ) {
              await socket.leave(name);
              return reply({ ok: false, error: "forbidden" });
            }
            reply({ ok: true, room: name });
          })
          .catch((err: unknown) => {
            deps.logger.warn({ err }, "status page room join failed");
            reply({ ok: false, error: "forbidden" });
          });
        return;
      }
      reply({ ok: false, error: "forbidden" });
    });
  });

  return io;
}
