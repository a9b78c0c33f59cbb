import path from "node:path";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { acquireDataDirLock } from "@/db/data-dir-lock";
import { initPgliteDataDir } from "@/db/init-pglite-data-dir";
import type { Config } from "@/server/config";

// The CLI reports a held data dir (and asks who holds it) without reaching into db/ itself.
export { DataDirLockedError, dataDirHolder } from "@/db/data-dir-lock";

export type VigilDatabase = DatabaseHandle & { dataDir: string; release: () => Promise<void> };

/**
 * PostgreSQL when DATABASE_URL is set; otherwise PGlite in the data dir, which this process locks
 * first (one process per data dir). Migrations are applied before anything else touches it.
 */
export async function openVigilDatabase(config: Config): Promise<VigilDatabase> {
  if (config.databaseUrl) {
    const handle = await openDatabase({ kind: "postgres", url: config.databaseUrl });
    try {
      await handle.migrate();
    } catch (e) {
      await handle.close();
      throw e;
    }
    return { ...handle, dataDir: config.dataDir, release: handle.close };
  }
  const lock = await acquireDataDirLock(config.dataDir);
  try {
    const pgdata = path.join(config.dataDir, "pgdata");
    await initPgliteDataDir(pgdata);
    const handle = await openDatabase({ kind: "pglite", dataDir: pgdata });
    await handle.migrate();
    return {
      ...handle,
      dataDir: config.dataDir,
      release: async () => {
        try {
          await handle.close();
        } finally {
          await lock.release();
        }
      },
    };
  } catch (e) {
    await lock.release();
    throw e;
  }
}
