import { apiRoute } from "@/server/http/api-v1/respond";
import { oneHeartbeatJson } from "@/server/http/api-v1/heartbeat-json";
import { resumeHeartbeat } from "@/server/services/heartbeats/pause-heartbeat";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

export const POST = apiRoute(async ({ ctx, params }) =>
  Response.json(
    await oneHeartbeatJson(
      ctx.db,
      await resumeHeartbeat({ ctx, heartbeatId: params.id ?? "" }),
      getRuntime().config.baseUrl,
    ),
  ),
);
