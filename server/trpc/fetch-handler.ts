import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { getRuntime } from "@/server/runtime";
import { getSessionUserFromRequest } from "@/server/auth/get-session";
import { clientIpFrom } from "@/server/auth/client-ip";
import { appRouter } from "@/server/trpc/root";
import { createTrpcContext } from "@/server/trpc/init";

export const WORKSPACE_HEADER = "x-vigil-workspace";

/** Serves tRPC at /api/trpc with the session, client IP and chosen workspace of the request. */
export function handleTrpcRequest(req: Request): Promise<Response> {
  const runtime = getRuntime();
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: async () =>
      createTrpcContext({
        db: runtime.db,
        user: await getSessionUserFromRequest(),
        clientIp: clientIpFrom(req.headers),
        requestedWorkspaceId: req.headers.get(WORKSPACE_HEADER),
        allowSignup: runtime.config.allowSignup,
        signInLimiter: runtime.signInLimiter,
      }),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR")
        runtime.logger.error({ err: error, path }, "tRPC error");
    },
  });
}
