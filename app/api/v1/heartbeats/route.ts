import { apiRoute, readJson } from "@/server/http/api-v1/respond";
import {
  oneHeartbeatJson,
  heartbeatsJson,
  parseCreateHeartbeat,
} from "@/server/http/api-v1/heartbeat-json";
import { listHeartbeats } from "@/server/services/heartbeats/list-heartbeats";
import { createHeartbeat } from "@/server/services/heartbeats/create-heartbeat";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async ({ ctx, config }) => {
  return Response.json({
    heartbeats: await heartbeatsJson(ctx.db, await listHeartbeats({ ctx }), config.baseUrl),
  });
});

export const POST = apiRoute(async ({ req, ctx, config }) => {
  const heartbeat = await createHeartbeat({
    ctx,
    input: parseCreateHeartbeat(await readJson(req)),
  });
  return Response.json(await oneHeartbeatJson(ctx.db, heartbeat, config.baseUrl), {
    status: 201,
  });
});
