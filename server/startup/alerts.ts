import type { Inngest } from "inngest";
import type { Logger } from "pino";
import type { Config } from "@/server/config";
import type { VigilDatabase } from "@/server/bootstrap/open-vigil-database";
import { systemClock } from "@/server/services/context";
import { AlertDispatcher } from "@/server/jobs/alert-dispatcher";
import { bridgeFlipsToInngest } from "@/server/jobs/bridge-flips";
import { alertDepsFrom } from "@/server/services/alerts/alert-deps";

export type AlertsStage = {
  /** Stops taking messages and waits for the sends in flight. */
  stop: () => Promise<void>;
};

/** The outbox is written with each flip; Inngest (when given) or the embedded dispatcher sends it. */
export function startAlerts(deps: {
  config: Config;
  database: VigilDatabase;
  inngest: Inngest | null;
  logger: Logger;
}): AlertsStage {
  const { config, database, inngest, logger } = deps;
  if (inngest) {
    const stopBridge = bridgeFlipsToInngest(inngest, logger);
    return { stop: async () => stopBridge() };
  }
  const dispatcher = new AlertDispatcher({
    db: database.db,
    now: systemClock,
    logger,
    alerts: alertDepsFrom(config),
  });
  dispatcher.start();
  return { stop: () => dispatcher.stop() };
}
