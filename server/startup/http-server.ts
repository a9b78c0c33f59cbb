import type http from "node:http";
import type { Logger } from "pino";
import type { Config } from "@/server/config";
import type { VigilDatabase } from "@/server/bootstrap/open-vigil-database";
import { CLIENT_IP_HEADER } from "@/server/auth/client-ip";
import { PingBatcher } from "@/server/http/ping-batcher";
import { handlePing } from "@/server/http/ping-handler";
import { createHttpServer } from "@/server/http/create-http-server";
import {
  API_BODY_LIMIT_BYTES,
  isApiRequest,
  serveWithBodyLimit,
} from "@/server/http/limit-request-body";
import type { NextHandler } from "@/server/startup/next-app";
import { settlesWithin } from "@/server/startup/settles-within";

/** Answers the request and returns true, or returns false to let the next handler have it. */
type FrontHandler = (req: http.IncomingMessage, res: http.ServerResponse) => boolean;

export type HttpStage = {
  server: http.Server;
  clientIp: (req: http.IncomingMessage) => string;
  /** Puts a handler in front of Next (after the ping path); register before `listen`. */
  serveBefore: (handler: FrontHandler) => void;
  /** How this server reaches itself (status page fills call into Next over loopback). */
  origin: () => string;
  listen: () => Promise<void>;
  /** Refuses new connections; the open ones are served on until `stop`. */
  stopAccepting: () => void;
  /** Closes idle connections at once and the others at `deadline` (epoch ms). */
  stop: (deadline: number) => Promise<void>;
};

function clientIpOf(req: http.IncomingMessage, trustProxy: boolean): string {
  const forwarded = req.headers["x-forwarded-for"];
  // Proxies append; only the right-most entry was written by the proxy we trust.
  const nearest = (Array.isArray(forwarded) ? forwarded.join(",") : forwarded)
    ?.split(",")
    .at(-1)
    ?.trim();
  return (trustProxy && nearest) || req.socket.remoteAddress || "unknown";
}

function loopbackOrigin(server: http.Server): string {
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("server is not listening on TCP");
  const wildcard = address.address === "0.0.0.0" || address.address === "::";
  const host = wildcard ? "127.0.0.1" : address.address;
  return `http://${host.includes(":") ? `[${host}]` : host}:${address.port}`;
}

/** The HTTP server (timeouts, API body limit): pings first, then the front handlers, then Next. */
export function startHttpServer(deps: {
  config: Config;
  database: VigilDatabase;
  logger: Logger;
  next: NextHandler;
}): HttpStage {
  const { config, database, logger } = deps;
  const clientIp = (req: http.IncomingMessage) => clientIpOf(req, config.trustProxy);
  // Group commit on the ping path. PGlite is one connection; PostgreSQL commits a few lanes at once.
  const batcher = new PingBatcher(database.db, { lanes: database.kind === "pglite" ? 1 : 4 });
  const onPingError = (err: unknown) => logger.error({ err }, "ping not recorded");
  const front: FrontHandler[] = [];
  const server = createHttpServer();
  serveWithBodyLimit(
    server,
    (req, res) => {
      // Overwrite whatever the client sent: only the socket (or a trusted proxy) names the client.
      const ip = clientIp(req);
      if (handlePing(req, res, { batcher, clientIp: ip, onError: onPingError })) return;
      req.headers[CLIENT_IP_HEADER] = ip;
      if (front.some((handler) => handler(req, res))) return;
      void deps.next(req, res);
    },
    { limitBytes: API_BODY_LIMIT_BYTES, appliesTo: isApiRequest },
  );
  let closed: Promise<void> | undefined;
  const stopAccepting = () =>
    (closed ??= server.listening
      ? new Promise<void>((resolve) => server.close(() => resolve()))
      : Promise.resolve());
  return {
    server,
    clientIp,
    serveBefore: (handler) => void front.push(handler),
    origin: () => loopbackOrigin(server),
    listen: () =>
      new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(config.port, config.host, () => resolve());
      }),
    stopAccepting: () => void stopAccepting(),
    stop: async (deadline) => {
      const done = stopAccepting();
      batcher.close();
      server.closeIdleConnections();
      if (!(await settlesWithin(done, deadline - Date.now()))) server.closeAllConnections();
      await done;
    },
  };
}
