import type { Logger } from "pino";
import type { Config } from "@/server/config";
import type { VigilDatabase } from "@/server/bootstrap/open-vigil-database";
import { systemClock } from "@/server/services/context";
import { startControlServer } from "@/server/control/control-server";

export type ControlStage = { stop: () => Promise<void> };

/** On PGlite the server holds the database, so `npx vigil` commands run here, over a local socket. */
export async function startControl(deps: {
  config: Config;
  database: VigilDatabase;
  logger: Logger;
}): Promise<ControlStage> {
  const { config, database, logger } = deps;
  if (database.kind !== "pglite") return { stop: async () => {} };
  const control = await startControlServer({
    dataDir: config.dataDir,
    ctx: () => ({ db: database.db, now: systemClock }),
    logger,
  });
  return { stop: () => control.close() };
}
