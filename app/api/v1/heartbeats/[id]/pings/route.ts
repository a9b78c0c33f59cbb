import { apiRoute, parseLimit } from "@/server/http/api-v1/respond";
import { pingJson } from "@/server/http/api-v1/heartbeat-json";
import { listPings } from "@/server/services/heartbeats/list-heartbeats";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async ({ req, ctx, params }) => {
  const pings = await listPings({
    ctx,
    input: { heartbeatId: params.id ?? "", limit: parseLimit(req) },
  });
  return Response.json({ pings: pings.map(pingJson) });
});
