import { randomBytes } from "node:crypto";
import type { Logger } from "pino";
import type { Config } from "@/server/config";
import { setRuntime, type Runtime } from "@/server/runtime";
import type { VigilDatabase } from "@/server/bootstrap/open-vigil-database";
import { systemClock } from "@/server/services/context";
import { resolveAuthSecret } from "@/server/services/instance/resolve-auth-secret";
import { SignInLimiter } from "@/server/services/auth/sign-in-limiter";
import { logEvents } from "@/server/startup/log-events";

export type RuntimeStage = { runtime: Runtime; stop: () => Promise<void> };

/** The auth secret, the sign-in limiter, the runtime that Next's route handlers read, the event log. */
export async function startRuntime(deps: {
  config: Config;
  database: VigilDatabase;
  logger: Logger;
}): Promise<RuntimeStage> {
  const { config, database, logger } = deps;
  if (!process.env.NEXTAUTH_URL) process.env.NEXTAUTH_URL = config.baseUrl;
  const authSecret = await resolveAuthSecret({
    ctx: { db: database.db, now: systemClock },
    input: { configured: config.authSecret, kind: database.kind, dataDir: config.dataDir },
  });
  process.env.NEXTAUTH_SECRET = authSecret;
  // On PostgreSQL the counts live in the database: shared by every node, kept over restarts.
  const signInLimiter = new SignInLimiter(
    config.signinLimits,
    config.databaseUrl ? { kind: "postgres", url: config.databaseUrl } : { kind: "memory" },
  );
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
  const stopLogging = logEvents(logger);
  return {
    runtime,
    stop: async () => {
      stopLogging();
      await signInLimiter.close();
      setRuntime(undefined);
    },
  };
}
