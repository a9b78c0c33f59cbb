import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as schema from "@/db/schema";

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

type Schema = typeof schema;
/** The one database type every service sees, whichever driver is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

export type DatabaseHandle = {
  db: Db;
  kind: "pglite" | "postgres";
  /** Applies pending migrations; idempotent, serialised across nodes on PostgreSQL. */
  migrate: () => Promise<void>;
  close: () => Promise<void>;
};

// Any fixed 64-bit number shared by every Vigil node: serialises migrations across processes.
const MIGRATION_LOCK_ID = 7_261_001;

export type OpenDatabaseOptions =
  { kind: "postgres"; url: string; max?: number } | { kind: "pglite"; dataDir?: string };

/** Opens PostgreSQL (postgres driver) or PGlite (a data dir, or in memory without one). */
export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  if (options.kind === "postgres") {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const client = postgres(options.url, {
      max: options.max ?? 10,
      onnotice: () => {},
      connection: { application_name: "vigil" },
      // An unreachable database fails a connection attempt in 2 s (not 30), and is tried again
      // within a second of each failure rather than after the driver's back-off of up to 20 s.
      connect_timeout: 2,
      backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 1),
    });
    const db = drizzle(client, { schema });
    const migrate = async () => {
      const { migrate: run } = await import("drizzle-orm/postgres-js/migrator");
      // One connection holds the session-level lock and runs every migration statement.
      const single = postgres(options.url, { max: 1, onnotice: () => {} });
      try {
        await single`select pg_advisory_lock(${MIGRATION_LOCK_ID})`;
        await run(drizzle(single, { schema }), { migrationsFolder });
        await single`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`;
      } finally {
        await single.end({ timeout: 5 });
      }
    };
    return {
      db: db as unknown as Db,
      kind: "postgres",
      migrate,
      close: () => client.end({ timeout: 2 }),
    };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const client = options.dataDir ? new PGlite(options.dataDir) : new PGlite();
  await client.waitReady;
  const db = drizzle(client, { schema });
  const migrate = async () => {
    const { migrate: run } = await import("drizzle-orm/pglite/migrator");
    await run(db, { migrationsFolder });
  };
  return { db: db as unknown as Db, kind: "pglite", migrate, close: () => client.close() };
}
