import { apiRoute, readJson } from "@/server/http/api-v1/respond";
import { monitorJson, parseCreateMonitor } from "@/server/http/api-v1/monitor-json";
import { listMonitors } from "@/server/services/monitors/list-monitors";
import { createMonitor } from "@/server/services/monitors/create-monitor";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async ({ ctx }) =>
  Response.json({ monitors: (await listMonitors({ ctx })).map(monitorJson) }),
);

export const POST = apiRoute(async ({ req, ctx }) => {
  const monitor = await createMonitor({ ctx, input: parseCreateMonitor(await readJson(req)) });
  return Response.json(monitorJson(monitor), { status: 201 });
});
