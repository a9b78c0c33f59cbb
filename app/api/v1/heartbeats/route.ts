import { apiRoute, readJson } from "@/server/http/api-v1/respond";
import {
  oneHeartbeatJson,
  heartbeatsJson,
  parseCreateHeartbeat,
} from "@/server/http/api-v1/heartbeat-json";
import { listHeartbeats } from "@/server/services/heartbeats/list-heartbeats";
import { createHeartbeat } from "@/server/services/heartbeats/create-heartbeat";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async ({ ctx }) => {
  const base = getRuntime().config.baseUrl;
  return Response.json({
    heartbeats: await heartbeatsJson(ctx.db, await listHeartbeats({ ctx }), base),
  });
});

export const POST = apiRoute(async ({ req, ctx }) => {
  const heartbeat = await createHeartbeat({
    ctx,
    input: parseCreateHeartbeat(await readJson(req)),
    quotas: getRuntime().config.quotas,
  });
  return Response.json(await oneHeartbeatJson(ctx.db, heartbeat, getRuntime().config.baseUrl), {
    status: 201,
  });
});
