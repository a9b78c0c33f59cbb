import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { getRuntime, type Runtime } from "@/server/runtime";
import { getSessionUserFromRequest } from "@/server/auth/get-session";
import { clientIpFrom } from "@/server/auth/client-ip";
import { appRouter } from "@/server/trpc/root";
import { createTrpcContext, type TrpcContext } from "@/server/trpc/init";
import { alertDepsFrom } from "@/server/services/alerts/alert-deps";

const WORKSPACE_HEADER = "x-vigil-workspace";
// The dashboard's batch link splits at the same size (components/trpc/client.tsx).
export const MAX_TRPC_BATCH = 20;

type Settings = Pick<
  TrpcContext,
  "db" | "signup" | "privateTargets" | "signInLimiter" | "quotas" | "baseUrl" | "alerts"
>;
const settingsOf = new WeakMap<Runtime, Settings>();

/** What every request's context takes from the runtime and its configuration, built once. */
function settingsFrom(runtime: Runtime): Settings {
  let settings = settingsOf.get(runtime);
  if (!settings) {
    const { config } = runtime;
    settings = {
      db: runtime.db,
      signup: config.signup,
      privateTargets: config.privateTargets,
      signInLimiter: runtime.signInLimiter,
      quotas: config.quotas,
      baseUrl: config.baseUrl,
      alerts: alertDepsFrom(config),
    };
    settingsOf.set(runtime, settings);
  }
  return settings;
}

/** Serves tRPC at /api/trpc with the session, client IP and chosen workspace of the request. */
export function handleTrpcRequest(req: Request): Promise<Response> {
  const runtime = getRuntime();
  const settings = settingsFrom(runtime);
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    maxBatchSize: MAX_TRPC_BATCH,
    createContext: async () =>
      createTrpcContext({
        ...settings,
        user: await getSessionUserFromRequest(),
        clientIp: clientIpFrom(req.headers),
        requestedWorkspaceId: req.headers.get(WORKSPACE_HEADER),
      }),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR")
        runtime.logger.error({ err: error, path }, "tRPC error");
    },
  });
}
