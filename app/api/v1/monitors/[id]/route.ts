import { apiRoute, readJson } from "@/server/http/api-v1/respond";
import { oneMonitorJson, parseUpdateMonitor } from "@/server/http/api-v1/monitor-json";
import { getMonitor } from "@/server/services/monitors/find-monitor";
import { updateMonitor } from "@/server/services/monitors/update-monitor";
import { deleteMonitor } from "@/server/services/monitors/delete-monitor";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async ({ ctx, params }) =>
  Response.json(
    await oneMonitorJson(ctx.db, await getMonitor({ ctx, input: { monitorId: params.id ?? "" } })),
  ),
);

export const PATCH = apiRoute(async ({ req, ctx, params }) => {
  const monitor = await updateMonitor({
    ctx,
    input: { monitorId: params.id ?? "", changes: parseUpdateMonitor(await readJson(req)) },
  });
  return Response.json(await oneMonitorJson(ctx.db, monitor));
});

export const DELETE = apiRoute(async ({ ctx, params }) => {
  await deleteMonitor({ ctx, input: { monitorId: params.id ?? "" } });
  return new Response(null, { status: 204 });
});
