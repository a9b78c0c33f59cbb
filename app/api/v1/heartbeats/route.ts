import { apiRoute, readJson } from "@/server/http/api-v1/respond";
import { heartbeatJson, parseCreateHeartbeat } from "@/server/http/api-v1/heartbeat-json";
import { listHeartbeats } from "@/server/services/heartbeats/list-heartbeats";
import { createHeartbeat } from "@/server/services/heartbeats/create-heartbeat";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async ({ ctx }) => {
  const base = getRuntime().config.baseUrl;
  return Response.json({
    heartbeats: (await listHeartbeats({ ctx })).map((h) => heartbeatJson(h, base)),
  });
});

export const POST = apiRoute(async ({ req, ctx }) => {
  const heartbeat = await createHeartbeat({
    ctx,
    input: parseCreateHeartbeat(await readJson(req)),
  });
  return Response.json(heartbeatJson(heartbeat, getRuntime().config.baseUrl), { status: 201 });
});
