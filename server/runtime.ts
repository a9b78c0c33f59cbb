import type { Server as SocketServer } from "socket.io";
import type { Logger } from "pino";
import type { Config } from "@/server/config";
import type { SignInLimiter } from "@/server/services/auth/sign-in-limiter";
import type { DbHandle } from "@/server/services/context";

/** Process-wide singletons, created once by the custom server and read by Next's route handlers. */
export type Runtime = {
  config: Config;
  db: DbHandle;
  dbKind: "pglite" | "postgres";
  authSecret: string;
  logger: Logger;
  signInLimiter: SignInLimiter;
  io?: SocketServer;
  /** Authenticates the custom server's own loopback calls into Next (status page fills). */
  internalToken?: string;
};

// The custom server and Next's bundles are separate module graphs: only globalThis is shared.
const KEY = Symbol.for("vigil.runtime");
type Holder = { [KEY]?: Runtime };

export function setRuntime(runtime: Runtime | undefined): void {
  (globalThis as Holder)[KEY] = runtime;
}

export function getRuntime(): Runtime {
  const runtime = (globalThis as Holder)[KEY];
  if (!runtime)
    throw new Error(
      "Vigil runtime is not initialised: start Vigil with `npm start` (server/main.ts)",
    );
  return runtime;
}
