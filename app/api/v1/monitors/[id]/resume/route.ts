import { apiRoute } from "@/server/http/api-v1/respond";
import { oneMonitorJson } from "@/server/http/api-v1/monitor-json";
import { resumeMonitor } from "@/server/services/monitors/pause-monitor";

export const dynamic = "force-dynamic";

export const POST = apiRoute(async ({ ctx, params }) =>
  Response.json(
    await oneMonitorJson(
      ctx.db,
      await resumeMonitor({ ctx, input: { monitorId: params.id ?? "" } }),
    ),
  ),
);
