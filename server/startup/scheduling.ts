import type { Inngest } from "inngest";
import type { Logger } from "pino";
import type { Config } from "@/server/config";
import type { VigilDatabase } from "@/server/bootstrap/open-vigil-database";
import { systemClock } from "@/server/services/context";
import { EmbeddedScheduler } from "@/server/jobs/embedded-scheduler";
import { HeartbeatAlarmClock } from "@/server/jobs/heartbeat-alarm-clock";
import { MaintenanceClock } from "@/server/jobs/maintenance-clock";
import { bridgeHeartbeatsToInngest } from "@/server/jobs/bridge-heartbeats";
import { createInngestClient } from "@/server/jobs/client";

export type SchedulingStage = {
  /** The Inngest client when Inngest schedules the work, else null. */
  inngest: Inngest | null;
  driver: "embedded" | "inngest";
  /** Starts claiming checks; call once the server listens. */
  startChecks: () => void;
  /** Stops claiming work and waits for the checks and sweeps in flight. */
  stop: () => Promise<void>;
};

/**
 * Without Inngest, this process schedules the checks and watches the deadlines itself; deadlines
 * that passed while Vigil was stopped are swept at once. With Inngest, heartbeat events go there.
 */
export function startScheduling(deps: {
  config: Config;
  database: VigilDatabase;
  logger: Logger;
}): SchedulingStage {
  const { config, database, logger } = deps;
  if (config.inngest.enabled) {
    const inngest = createInngestClient(config.inngest);
    const stopBridge = bridgeHeartbeatsToInngest(inngest, logger);
    return {
      inngest,
      driver: "inngest",
      startChecks: () => {},
      stop: async () => stopBridge(),
    };
  }
  const alarmClock = new HeartbeatAlarmClock({ db: database.db, now: systemClock, logger });
  const scheduler = new EmbeddedScheduler({
    db: database.db,
    now: systemClock,
    logger,
    options: { privateTargets: config.privateTargets },
    retentionDays: config.resultRetentionDays,
    alertLogRetentionDays: config.alertLogRetentionDays,
  });
  const maintenanceClock = new MaintenanceClock({ db: database.db, now: systemClock, logger });
  alarmClock.start();
  maintenanceClock.start();
  return {
    inngest: null,
    driver: "embedded",
    startChecks: () => scheduler.start(),
    stop: async () => {
      await Promise.allSettled([scheduler.stop(), alarmClock.stop(), maintenanceClock.stop()]);
    },
  };
}
