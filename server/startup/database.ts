import type { Logger } from "pino";
import type { Config } from "@/server/config";
import { openVigilDatabase, type VigilDatabase } from "@/server/bootstrap/open-vigil-database";

export type DatabaseStage = { database: VigilDatabase; stop: () => Promise<void> };

/** Opens (and migrates) the database; stopping releases it and, on PGlite, the data dir lock. */
export async function startDatabase(deps: {
  config: Config;
  logger: Logger;
}): Promise<DatabaseStage> {
  const database = await openVigilDatabase(deps.config);
  deps.logger.info({ db: database.kind, dataDir: deps.config.dataDir }, "database ready");
  return { database, stop: () => database.release() };
}
