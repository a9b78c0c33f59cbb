import pino from "pino";
import type { TestDatabase } from "@/db/testing/test-database";
import { loadConfig } from "@/server/config";
import { setRuntime } from "@/server/runtime";
import { SignInLimiter } from "@/server/services/auth/sign-in-limiter";

/**
 * What the route handlers and routers read through getRuntime(), set for one test file's database:
 * the config from `env`, a silent logger and a fresh sign-in limiter. Returns the config.
 */
export function installTestRuntime(database: TestDatabase, env: Record<string, string> = {}) {
  const config = loadConfig(env);
  setRuntime({
    config,
    db: database.db,
    dbKind: database.kind,
    authSecret: "x".repeat(32),
    logger: pino({ level: "silent" }),
    signInLimiter: new SignInLimiter(config.signinLimits),
  });
  return config;
}
