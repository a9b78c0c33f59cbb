import pg from "pg";
import type { Logger } from "pino";
import { createAdapter } from "@socket.io/postgres-adapter";

export type ClusterAdapter = {
  adapter: ReturnType<typeof createAdapter>;
  /** Ends the adapter's connections; call after io.close() (which says goodbye to the other nodes). */
  close: () => Promise<void>;
};

const TABLE = "socket_io_attachments";

/**
 * Socket.IO's Postgres adapter on a small pool of its own (LISTEN holds one connection): rooms,
 * fetchSockets and serverSideEmit span every node on the database. Messages over NOTIFY's 8000-byte
 * limit travel through a table the adapter reads but does not create, pruned every 30 s.
 */
export async function openClusterAdapter(
  databaseUrl: string,
  deps: { logger: Logger; channelPrefix?: string },
): Promise<ClusterAdapter> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  // An idle connection that drops emits here; unhandled, it would end the process.
  pool.on("error", (err) => deps.logger.warn({ err }, "socket.io adapter connection failed"));
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
  return { adapter, close: () => pool.end() };
}
