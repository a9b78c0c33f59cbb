import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { getRuntime } from "@/server/runtime";
import { getSessionUserFromRequest } from "@/server/auth/get-session";
import { clientIpFrom } from "@/server/auth/client-ip";
import { appRouter } from "@/server/trpc/root";
import { createTrpcContext } from "@/server/trpc/init";

export const WORKSPACE_HEADER = "x-vigil-workspace";
// The dashboard's batch link splits at the same size (components/trpc/client.tsx).
export const MAX_TRPC_BATCH = 20;

/** Serves tRPC at /api/trpc with the session, client IP and chosen workspace of the request. */
export function handleTrpcRequest(req: Request): Promise<Response> {
  const runtime = getRuntime();
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    maxBatchSize: MAX_TRPC_BATCH,
    createContext: async () =>
      createTrpcContext({
        db: runtime.db,
        user: await getSessionUserFromRequest(),
        clientIp: clientIpFrom(req.headers),
        requestedWorkspaceId: req.headers.get(WORKSPACE_HEADER),
        signup: runtime.config.signup,
        privateTargets: runtime.config.privateTargets,
        signInLimiter: runtime.signInLimiter,
        quotas: runtime.config.quotas,
      }),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR")
        runtime.logger.error({ err: error, path }, "tRPC error");
    },
  });
}
