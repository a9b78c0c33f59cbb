import { ConfigError, loadConfig, type Config } from "@/server/config";
import { createLogger } from "@/server/log";
import { DataDirLockedError } from "@/db/data-dir-lock";
import { startDatabase, type DatabaseStage } from "@/server/startup/database";
import { startRuntime, type RuntimeStage } from "@/server/startup/runtime";
import { startNext } from "@/server/startup/next-app";
import { startHttpServer, type HttpStage } from "@/server/startup/http-server";
import { startRealtime, type RealtimeStage } from "@/server/startup/realtime";
import { startStatusPages, type StatusPagesStage } from "@/server/startup/status-pages";
import { startScheduling, type SchedulingStage } from "@/server/startup/scheduling";
import { startAlerts, type AlertsStage } from "@/server/startup/alerts";
import { startControl, type ControlStage } from "@/server/startup/control";
import { settlesWithin } from "@/server/startup/settles-within";

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`vigil: ${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
}

const config = readConfig();
const logger = createLogger(config.logLevel);

/** The stages started so far; shutdown stops whichever exist, in reverse order of starting. */
const stages: {
  database?: DatabaseStage;
  runtime?: RuntimeStage;
  http?: HttpStage;
  realtime?: RealtimeStage;
  statusPages?: StatusPagesStage;
  scheduling?: SchedulingStage;
  alerts?: AlertsStage;
  control?: ControlStage;
} = {};
let started = false;
let stopping = false;
let stopSignal: string | null = null;

// Checks and alert sends get WORK_DEADLINE_MS after the signal; whatever still runs is abandoned
// (a check's lease simply lapses), so sockets and the database close well before the forced exit.
const WORK_DEADLINE_MS = 5_000;
const CONNECTIONS_DEADLINE_MS = 7_000;
const FORCE_EXIT_MS = 10_000;

async function start(): Promise<void> {
  const { database } = (stages.database = await startDatabase({ config, logger }));
  if (stopSignal) return;
  const core = { config, logger, database };
  const { runtime } = (stages.runtime = await startRuntime(core));
  const next = await startNext(core);
  if (stopSignal) return;
  const http = (stages.http = startHttpServer({ ...core, next: next.handle }));
  const realtime = (stages.realtime = await startRealtime({ ...core, runtime, http }));
  stages.statusPages = startStatusPages({ ...core, runtime, next, http, realtime });
  const scheduling = (stages.scheduling = startScheduling(core));
  stages.alerts = startAlerts({ ...core, inngest: scheduling.inngest });
  stages.control = await startControl(core);
  await http.listen();
  scheduling.startChecks();
  const { port, host, baseUrl: url } = config;
  logger.info({ url, host, port, scheduler: scheduling.driver }, "Vigil is listening");
}

async function stopStages(signalledAt: number): Promise<void> {
  const { database, runtime, http, realtime, statusPages, scheduling, alerts, control } = stages;
  http?.stopAccepting();
  // The working stages stop together, so none claims new work while another drains.
  const work = Promise.allSettled([control?.stop(), alerts?.stop(), scheduling?.stop()]);
  if (!(await settlesWithin(work, signalledAt + WORK_DEADLINE_MS - Date.now())))
    logger.warn("checks or alert sends still running were abandoned");
  await statusPages?.stop();
  await realtime?.stop();
  await http?.stop(signalledAt + CONNECTIONS_DEADLINE_MS);
  await runtime?.stop();
  await database?.stop();
}

async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "shutting down");
  const force = setTimeout(() => {
    logger.warn("shutdown took too long; exiting");
    process.exit(1);
  }, FORCE_EXIT_MS);
  force.unref();
  try {
    await stopStages(Date.now());
    clearTimeout(force);
    process.exit(0);
  } catch (err) {
    logger.error({ err }, "shutdown failed");
    process.exit(1);
  }
}

// Installed first: a signal during start-up waits for the current step, then stops cleanly.
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (started) void shutdown(signal);
    else stopSignal = signal;
  });
}

try {
  await start();
} catch (err) {
  if (err instanceof DataDirLockedError) logger.fatal(err.message);
  else logger.fatal({ err }, "start-up failed");
  await stages.database?.stop().catch(() => {});
  process.exit(1);
}
started = true;
if (stopSignal) await shutdown(stopSignal);
