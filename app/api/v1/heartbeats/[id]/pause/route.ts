import { apiRoute } from "@/server/http/api-v1/respond";
import { oneHeartbeatJson } from "@/server/http/api-v1/heartbeat-json";
import { pauseHeartbeat } from "@/server/services/heartbeats/pause-heartbeat";

export const dynamic = "force-dynamic";

export const POST = apiRoute(async ({ ctx, params, config }) =>
  Response.json(
    await oneHeartbeatJson(
      ctx.db,
      await pauseHeartbeat({ ctx, input: { heartbeatId: params.id ?? "" } }),
      config.baseUrl,
    ),
  ),
);
