import { apiRoute, readJson } from "@/server/http/api-v1/respond";
import { oneHeartbeatJson, parseUpdateHeartbeat } from "@/server/http/api-v1/heartbeat-json";
import { getHeartbeat } from "@/server/services/heartbeats/find-heartbeat";
import { updateHeartbeat } from "@/server/services/heartbeats/update-heartbeat";
import { deleteHeartbeat } from "@/server/services/heartbeats/delete-heartbeat";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async ({ ctx, params, config }) =>
  Response.json(
    await oneHeartbeatJson(
      ctx.db,
      await getHeartbeat({ ctx, input: { heartbeatId: params.id ?? "" } }),
      config.baseUrl,
    ),
  ),
);

export const PATCH = apiRoute(async ({ req, ctx, params, config }) => {
  const heartbeat = await updateHeartbeat({
    ctx,
    input: { heartbeatId: params.id ?? "", changes: parseUpdateHeartbeat(await readJson(req)) },
  });
  return Response.json(await oneHeartbeatJson(ctx.db, heartbeat, config.baseUrl));
});

export const DELETE = apiRoute(async ({ ctx, params }) => {
  await deleteHeartbeat({ ctx, input: { heartbeatId: params.id ?? "" } });
  return new Response(null, { status: 204 });
});
