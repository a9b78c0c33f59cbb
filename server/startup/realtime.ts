import type { Logger } from "pino";
import type { Config } from "@/server/config";
import type { Runtime } from "@/server/runtime";
import type { VigilDatabase } from "@/server/bootstrap/open-vigil-database";
import { createIo, type VigilIo } from "@/server/realtime/create-io";
import { relayEvents } from "@/server/realtime/relay-events";
import { listenForSessionEnds } from "@/server/realtime/session-end-listener";
import { openClusterAdapter } from "@/server/realtime/postgres-adapter";
import type { HttpStage } from "@/server/startup/http-server";

export type RealtimeStage = {
  io: VigilIo;
  /** Other nodes share this database: rooms and cache invalidations span them all. */
  clustered: boolean;
  /** Runs `listener` whenever notifications from other nodes may have been missed. */
  onConnectionLost: (listener: () => void) => void;
  stop: () => Promise<void>;
};

/** Socket.IO on the HTTP server, relaying the event bus; on PostgreSQL, across every node. */
export async function startRealtime(deps: {
  config: Config;
  database: VigilDatabase;
  runtime: Runtime;
  http: HttpStage;
  logger: Logger;
}): Promise<RealtimeStage> {
  const { config, database, runtime, http, logger } = deps;
  const lostListeners: (() => void)[] = [];
  const cluster = config.databaseUrl
    ? await openClusterAdapter(config.databaseUrl, {
        logger,
        onConnectionLost: () => lostListeners.forEach((listener) => listener()),
      })
    : undefined;
  const io = createIo(http.server, {
    db: database.db,
    secret: runtime.authSecret,
    logger,
    adapter: cluster?.adapter,
    clientIp: http.clientIp,
  });
  runtime.io = io;
  const stopRelay = relayEvents(io);
  // A CLI password reset on PostgreSQL runs in a process of its own; its NOTIFY reaches us here.
  const sessionEnds = config.databaseUrl
    ? await listenForSessionEnds(config.databaseUrl, { io, db: database.db, logger })
    : undefined;
  return {
    io,
    clustered: Boolean(cluster),
    onConnectionLost: (listener) => void lostListeners.push(listener),
    stop: async () => {
      stopRelay();
      await io.close();
      await cluster?.close();
      await sessionEnds?.close();
    },
  };
}
