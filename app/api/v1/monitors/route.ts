import { apiRoute, readJson } from "@/server/http/api-v1/respond";
import {
  oneMonitorJson,
  monitorsJson,
  parseCreateMonitor,
} from "@/server/http/api-v1/monitor-json";
import { listMonitors } from "@/server/services/monitors/list-monitors";
import { createMonitor } from "@/server/services/monitors/create-monitor";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async ({ ctx }) =>
  Response.json({ monitors: await monitorsJson(ctx.db, await listMonitors({ ctx })) }),
);

export const POST = apiRoute(async ({ req, ctx }) => {
  const monitor = await createMonitor({
    ctx,
    input: parseCreateMonitor(await readJson(req)),
  });
  return Response.json(await oneMonitorJson(ctx.db, monitor), { status: 201 });
});
