import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";
import { ConfigError, loadConfig } from "@/server/config";
import { createLogger } from "@/server/log";
import { setRuntime, type Runtime } from "@/server/runtime";
import { openVigilDatabase } from "@/server/bootstrap/open-vigil-database";
import { DataDirLockedError } from "@/db/data-dir-lock";
import { resolveAuthSecret } from "@/server/services/instance/resolve-auth-secret";
import { SignInLimiter } from "@/server/services/auth/sign-in-limiter";
import { systemClock } from "@/server/services/context";
import { createIo } from "@/server/realtime/create-io";
import { startControlServer } from "@/server/control/control-server";
import { CLIENT_IP_HEADER } from "@/server/auth/client-ip";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function clientIp(req: http.IncomingMessage, trustProxy: boolean): string {
  const forwarded = req.headers["x-forwarded-for"];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
  return (trustProxy && first) || req.socket.remoteAddress || "unknown";
}

async function start(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`vigil: ${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
  const logger = createLogger(config.logLevel);
  process.env.NEXTAUTH_URL ??= config.baseUrl;

  let database;
  try {
    database = await openVigilDatabase(config);
  } catch (e) {
    if (e instanceof DataDirLockedError) {
      logger.fatal(e.message);
      process.exit(1);
    }
    throw e;
  }
  logger.info({ db: database.kind, dataDir: config.dataDir }, "database ready");

  const authSecret = await resolveAuthSecret({
    configured: config.authSecret,
    kind: database.kind,
    dataDir: config.dataDir,
    db: database.db,
  });
  process.env.NEXTAUTH_SECRET = authSecret;

  const runtime: Runtime = {
    config,
    db: database.db,
    dbKind: database.kind,
    authSecret,
    logger,
    signInLimiter: new SignInLimiter(config.signinLimits),
  };
  setRuntime(runtime);

  const app = next({
    dev: config.isDev,
    dir: projectRoot,
    hostname: config.host,
    port: config.port,
  });
  await app.prepare();
  const handle = app.getRequestHandler();

  const server = http.createServer((req, res) => {
    // Overwrite whatever the client sent: only the socket (or a trusted proxy) names the client.
    req.headers[CLIENT_IP_HEADER] = clientIp(req, config.trustProxy);
    handle(req, res).catch((err: unknown) => {
      logger.error({ err, url: req.url }, "request failed");
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end('{"error":"internal error"}');
    });
  });
  const io = createIo(server, { db: database.db, secret: authSecret, logger });
  runtime.io = io;

  const control =
    database.kind === "pglite"
      ? await startControlServer({
          dataDir: config.dataDir,
          ctx: () => ({ db: database.db, now: systemClock }),
          logger,
        })
      : null;

  // The embedded scheduler starts here (checks and deadlines) when Inngest is not configured.

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, () => resolve());
  });
  logger.info({ url: config.baseUrl, host: config.host, port: config.port }, "Vigil is listening");

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    const force = setTimeout(() => {
      logger.warn("shutdown took too long; exiting");
      process.exit(1);
    }, 10_000);
    force.unref();
    try {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await io.close();
      server.closeIdleConnections();
      await control?.close();
      await closed;
      await database.release();
      setRuntime(undefined);
      clearTimeout(force);
      process.exit(0);
    } catch (err) {
      logger.error({ err }, "shutdown failed");
      process.exit(1);
    }
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

await start();
