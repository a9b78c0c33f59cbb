import pg from "pg";
import type { Logger } from "pino";
import { createAdapter } from "@socket.io/postgres-adapter";

export type ClusterAdapter = {
  adapter: ReturnType<typeof createAdapter>;
  /** Ends the adapter's connections; call after io.close() (which says goodbye to the other nodes). */
  close: () => Promise<void>;
};

const TABLE = "socket_io_attachments";
// The adapter re-LISTENs 1–3 s after losing its connection; a second drop covers that gap.
const RELISTEN_MS = 5_000;

/**
 * Socket.IO's Postgres adapter on a small pool of its own (LISTEN holds one connection): rooms,
 * fetchSockets and serverSideEmit span every node on the database. Messages over NOTIFY's 8000-byte
 * limit travel through a table the adapter reads but does not create, pruned every 30 s.
 */
export async function openClusterAdapter(
  databaseUrl: string,
  deps: {
    logger: Logger;
    channelPrefix?: string;
    /** A connection failed: notifications from other nodes may have been missed. */
    onConnectionLost?: () => void;
  },
): Promise<ClusterAdapter> {
  // A connection attempt that the network swallows gives up, so the adapter tries again (LISTEN
  // included) once the database is reachable, not minutes later.
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: 4,
    connectionTimeoutMillis: 3_000,
  });
  const timers = new Set<NodeJS.Timeout>();
  const lost = (err: Error) => {
    deps.logger.warn({ err }, "socket.io adapter connection failed");
    deps.onConnectionLost?.();
    const timer = setTimeout(() => {
      timers.delete(timer);
      deps.onConnectionLost?.();
    }, RELISTEN_MS);
    timers.add(timer);
  };
  // The adapter holds its LISTEN connection without an error listener: unhandled, a terminated
  // backend (restart, failover) would end the process. Idle connections report to the pool.
  pool.on("connect", (client) => client.on("error", lost));
  pool.on("error", () => {});
  try {
    await pool.query(
      `CREATE TABLE IF NOT EXISTS ${TABLE} (
        id bigserial UNIQUE,
        created_at timestamptz DEFAULT NOW(),
        payload bytea
      )`,
    );
  } catch (err) {
    // Two nodes creating it at once: the loser sees a duplicate type or relation; the table exists.
    const code = (err as { code?: string }).code;
    if (code !== "23505" && code !== "42P07") {
      await pool.end();
      throw err;
    }
  }
  const adapter = createAdapter(pool, {
    channelPrefix: deps.channelPrefix ?? "vigil.socket.io",
    tableName: TABLE,
    cleanupInterval: 30_000,
    heartbeatInterval: 5_000,
    heartbeatTimeout: 10_000,
    errorHandler: (err) => deps.logger.warn({ err }, "socket.io adapter error"),
  });
  return {
    adapter,
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      // A LISTEN connection that died is never handed back to the pool, and pool.end() waits for it.
      let giveUp: NodeJS.Timeout | undefined;
      await Promise.race([pool.end(), new Promise((r) => (giveUp = setTimeout(r, 1_000)))]);
      clearTimeout(giveUp);
    },
  };
}
