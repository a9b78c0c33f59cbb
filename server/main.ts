import type http from "node:http";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";
import { ConfigError, loadConfig, type Config } from "@/server/config";
import { createLogger } from "@/server/log";
import { setRuntime, type Runtime } from "@/server/runtime";
import { openVigilDatabase, type VigilDatabase } from "@/server/bootstrap/open-vigil-database";
import { DataDirLockedError } from "@/db/data-dir-lock";
import { resolveAuthSecret } from "@/server/services/instance/resolve-auth-secret";
import { SignInLimiter } from "@/server/services/auth/sign-in-limiter";
import { systemClock } from "@/server/services/context";
import { createIo, type VigilIo } from "@/server/realtime/create-io";
import { relayEvents } from "@/server/realtime/relay-events";
import { listenForSessionEnds } from "@/server/realtime/session-end-listener";
import { EmbeddedScheduler } from "@/server/jobs/embedded-scheduler";
import { HeartbeatAlarmClock } from "@/server/jobs/heartbeat-alarm-clock";
import { bridgeHeartbeatsToInngest } from "@/server/jobs/bridge-heartbeats";
import { bridgeFlipsToInngest } from "@/server/jobs/bridge-flips";
import { AlertDispatcher } from "@/server/jobs/alert-dispatcher";
import { alertDepsFrom } from "@/server/services/alerts/alert-deps";
import { createInngestClient } from "@/server/jobs/client";
import { PingBatcher } from "@/server/http/ping-batcher";
import { handlePing } from "@/server/http/ping-handler";
import { createHttpServer } from "@/server/http/create-http-server";
import {
  API_BODY_LIMIT_BYTES,
  isApiRequest,
  serveWithBodyLimit,
} from "@/server/http/limit-request-body";
import { startControlServer } from "@/server/control/control-server";
import { CLIENT_IP_HEADER } from "@/server/auth/client-ip";
import { handleStatusPage } from "@/server/http/status-pages/status-page-handler";
import { revalidateIsr } from "@/server/http/status-pages/fill-page";
import { PublicPageCache } from "@/server/http/status-pages/page-cache";
import { PageDirectory } from "@/server/http/status-pages/page-directory";
import {
  invalidateOnEvents,
  PageInvalidator,
} from "@/server/http/status-pages/invalidate-on-events";
import { relayStatusPages } from "@/server/realtime/relay-status-pages";
import { openClusterAdapter, type ClusterAdapter } from "@/server/realtime/postgres-adapter";
import { invalidateAcrossNodes } from "@/server/realtime/cross-node-invalidation";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function clientIp(req: http.IncomingMessage, trustProxy: boolean): string {
  const forwarded = req.headers["x-forwarded-for"];
  // Proxies append; only the right-most entry was written by the proxy we trust.
  const nearest = (Array.isArray(forwarded) ? forwarded.join(",") : forwarded)
    ?.split(",")
    .at(-1)
    ?.trim();
  return (trustProxy && nearest) || req.socket.remoteAddress || "unknown";
}

/** How this server reaches itself (status page fills call into Next over loopback). */
/** The build's on-demand revalidation id (see StatusPageDeps.revalidateId), if it can be read. */
function readRevalidateId(root: string): string | undefined {
  try {
    const manifest = JSON.parse(
      readFileSync(path.join(root, ".next", "prerender-manifest.json"), "utf8"),
    ) as { preview?: { previewModeId?: unknown } };
    const id = manifest.preview?.previewModeId;
    return typeof id === "string" && id.length > 0 ? id : undefined;
  } catch {
    return undefined;
  }
}

function loopbackOrigin(server: http.Server): string {
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("server is not listening on TCP");
  const wildcard = address.address === "0.0.0.0" || address.address === "::";
  const host = wildcard ? "127.0.0.1" : address.address;
  return `http://${host.includes(":") ? `[${host}]` : host}:${address.port}`;
}

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

/** What is open so far; shutdown closes whatever exists, in reverse order of opening. */
type Resources = {
  database?: VigilDatabase;
  server?: http.Server;
  io?: VigilIo;
  clusterAdapter?: ClusterAdapter;
  sessionEnds?: { close: () => Promise<void> };
  stopRelay?: () => void;
  stopStatusPages?: () => void;
  control?: { close: () => Promise<void> } | null;
  scheduler?: EmbeddedScheduler | null;
  alarmClock?: HeartbeatAlarmClock | null;
  alerts?: AlertDispatcher | null;
  stopInngestBridge?: () => void;
  stopFlipBridge?: () => void;
  batcher?: PingBatcher;
  signInLimiter?: SignInLimiter;
};

const config = readConfig();
const logger = createLogger(config.logLevel);
const resources: Resources = {};
let started = false;
let stopping = false;
let stopSignal: string | null = null;

// Checks and alert sends get WORK_DEADLINE_MS after the signal; whatever still runs is abandoned
// (a check's lease simply lapses), so sockets and the database close well before the forced exit.
const WORK_DEADLINE_MS = 5_000;
const CONNECTIONS_DEADLINE_MS = 7_000;
const FORCE_EXIT_MS = 10_000;

/** Whether `work` settled within `ms`; it is not waited for after that. */
function settlesWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => (timer = setTimeout(resolve, ms, false)));
  const settled = work.then(
    () => true,
    () => true,
  );
  return Promise.race([settled, late]).finally(() => clearTimeout(timer));
}

async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "shutting down");
  const signalledAt = Date.now();
  const until = (deadline: number) => signalledAt + deadline - Date.now();
  const force = setTimeout(() => {
    logger.warn("shutdown took too long; exiting");
    process.exit(1);
  }, FORCE_EXIT_MS);
  force.unref();
  try {
    const {
      server,
      io,
      control,
      scheduler,
      alarmClock,
      alerts,
      stopRelay,
      stopInngestBridge,
      stopFlipBridge,
      database,
    } = resources;
    const closed = server?.listening
      ? new Promise<void>((resolve) => server.close(() => resolve()))
      : Promise.resolve();
    const workDone = await settlesWithin(
      Promise.allSettled([scheduler?.stop(), alarmClock?.stop(), alerts?.stop()]),
      until(WORK_DEADLINE_MS),
    );
    if (!workDone) logger.warn("checks or alert sends still running were abandoned");
    stopInngestBridge?.();
    stopFlipBridge?.();
    resources.batcher?.close();
    stopRelay?.();
    resources.stopStatusPages?.();
    await io?.close();
    await resources.clusterAdapter?.close();
    await resources.sessionEnds?.close();
    server?.closeIdleConnections();
    await control?.close();
    if (!(await settlesWithin(closed, until(CONNECTIONS_DEADLINE_MS))))
      server?.closeAllConnections();
    await closed;
    await resources.signInLimiter?.close();
    await database?.release();
    setRuntime(undefined);
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

async function start(): Promise<void> {
  if (!process.env.NEXTAUTH_URL) process.env.NEXTAUTH_URL = config.baseUrl;
  try {
    resources.database = await openVigilDatabase(config);
  } catch (e) {
    if (e instanceof DataDirLockedError) {
      logger.fatal(e.message);
      process.exit(1);
    }
    throw e;
  }
  const database = resources.database;
  logger.info({ db: database.kind, dataDir: config.dataDir }, "database ready");
  if (stopSignal) return;

  const authSecret = await resolveAuthSecret({
    configured: config.authSecret,
    kind: database.kind,
    dataDir: config.dataDir,
    db: database.db,
  });
  process.env.NEXTAUTH_SECRET = authSecret;
  // On PostgreSQL the counts live in the database: shared by every node, kept over restarts.
  const signInLimiter = new SignInLimiter(
    config.signinLimits,
    config.databaseUrl ? { kind: "postgres", url: config.databaseUrl } : { kind: "memory" },
  );
  resources.signInLimiter = signInLimiter;
  await signInLimiter.ready;
  const runtime: Runtime = {
    config,
    db: database.db,
    dbKind: database.kind,
    authSecret,
    logger,
    signInLimiter,
    internalToken: randomBytes(24).toString("base64url"),
  };
  setRuntime(runtime);

  const app = next({
    dev: config.isDev,
    dir: projectRoot,
    hostname: config.host,
    port: config.port,
  });
  await app.prepare();
  if (stopSignal) return;
  const handle = app.getRequestHandler();

  // Group commit on the ping path. PGlite is one connection; PostgreSQL commits a few lanes at once.
  const batcher = new PingBatcher(database.db, { lanes: database.kind === "pglite" ? 1 : 4 });
  const onPingError = (err: unknown) => logger.error({ err }, "ping not recorded");

  const nextHandle = (req: http.IncomingMessage, res: http.ServerResponse) =>
    handle(req, res).catch((err: unknown) => {
      logger.error({ err, url: req.url }, "request failed");
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end('{"error":"internal error"}');
    });
  // Public status pages are answered from memory (a copy of Next's ISR output), dropped by the
  // same events that make Next revalidate; private pages never enter it.
  const pageCache = new PublicPageCache();
  const directory = new PageDirectory(database.db, {
    onChanged: (slug) => pageCache.invalidateSlug(slug),
  });
  const invalidator = new PageInvalidator(pageCache, directory, (slugs) =>
    revalidateIsr(statusPages, slugs),
  );
  const stopInvalidation = invalidateOnEvents(invalidator);
  const statusPages = {
    db: database.db,
    authSecret,
    internalToken: runtime.internalToken ?? "",
    baseUrl: config.baseUrl,
    cache: pageCache,
    directory,
    next: nextHandle,
    origin: () => loopbackOrigin(server),
    revalidateId: config.isDev ? undefined : readRevalidateId(projectRoot),
    logger,
  };

  const server = createHttpServer();
  serveWithBodyLimit(
    server,
    (req, res) => {
      // Overwrite whatever the client sent: only the socket (or a trusted proxy) names the client.
      const ip = clientIp(req, config.trustProxy);
      if (handlePing(req, res, { batcher, clientIp: ip, onError: onPingError })) return;
      req.headers[CLIENT_IP_HEADER] = ip;
      if (handleStatusPage(req, res, statusPages)) return;
      void nextHandle(req, res);
    },
    { limitBytes: API_BODY_LIMIT_BYTES, appliesTo: isApiRequest },
  );
  resources.server = server;
  // On PostgreSQL other nodes may share the database: rooms and cache invalidations span them all.
  resources.clusterAdapter = config.databaseUrl
    ? await openClusterAdapter(config.databaseUrl, {
        logger,
        // Notifications may have been missed: render every page again rather than trust a copy.
        onConnectionLost: () => invalidator.dropAll(),
      })
    : undefined;
  resources.io = createIo(server, {
    db: database.db,
    secret: authSecret,
    logger,
    adapter: resources.clusterAdapter?.adapter,
    clientIp: (req) => clientIp(req, config.trustProxy),
  });
  runtime.io = resources.io;
  resources.stopRelay = relayEvents(resources.io);
  // A CLI password reset on PostgreSQL runs in a process of its own; its NOTIFY reaches us here.
  resources.sessionEnds = config.databaseUrl
    ? await listenForSessionEnds(config.databaseUrl, { io: resources.io, db: database.db, logger })
    : undefined;
  const stopStatusRelay = relayStatusPages(resources.io, {
    db: database.db,
    logger,
    clustered: Boolean(resources.clusterAdapter),
  });
  const stopCrossNode = resources.clusterAdapter
    ? invalidateAcrossNodes(resources.io, (change) => invalidator.apply(change), logger)
    : () => {};
  resources.stopStatusPages = () => {
    stopCrossNode();
    stopStatusRelay();
    stopInvalidation();
  };
  resources.control =
    database.kind === "pglite"
      ? await startControlServer({
          dataDir: config.dataDir,
          ctx: () => ({ db: database.db, now: systemClock }),
          logger,
        })
      : null;

  // Without Inngest, this process schedules the checks and watches the deadlines itself.
  resources.alarmClock = config.inngest.enabled
    ? null
    : new HeartbeatAlarmClock({ db: database.db, now: systemClock, logger });
  resources.stopInngestBridge = config.inngest.enabled
    ? bridgeHeartbeatsToInngest(createInngestClient(config.inngest), logger)
    : undefined;
  // Alerts: the outbox is written with each flip; Inngest or the embedded dispatcher sends it.
  resources.stopFlipBridge = config.inngest.enabled
    ? bridgeFlipsToInngest(createInngestClient(config.inngest), logger)
    : undefined;
  resources.alerts = config.inngest.enabled
    ? null
    : new AlertDispatcher({
        db: database.db,
        now: systemClock,
        logger,
        alerts: alertDepsFrom(config),
      });
  resources.scheduler = config.inngest.enabled
    ? null
    : new EmbeddedScheduler({
        db: database.db,
        now: systemClock,
        logger,
        options: { privateTargets: config.privateTargets },
        retentionDays: config.resultRetentionDays,
        alertLogRetentionDays: config.alertLogRetentionDays,
      });

  // Deadlines that passed while Vigil was stopped are swept at once, as the server starts listening.
  resources.alarmClock?.start();
  resources.alerts?.start();
  resources.batcher = batcher;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, () => resolve());
  });
  resources.scheduler?.start();
  logger.info(
    {
      url: config.baseUrl,
      host: config.host,
      port: config.port,
      scheduler: resources.scheduler ? "embedded" : "inngest",
    },
    "Vigil is listening",
  );
}

try {
  await start();
} catch (err) {
  logger.fatal({ err }, "start-up failed");
  await resources.database?.release().catch(() => {});
  process.exit(1);
}
started = true;
if (stopSignal) await shutdown(stopSignal);
