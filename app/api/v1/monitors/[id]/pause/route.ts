import { apiRoute } from "@/server/http/api-v1/respond";
import { monitorJson } from "@/server/http/api-v1/monitor-json";
import { pauseMonitor } from "@/server/services/monitors/pause-monitor";

export const dynamic = "force-dynamic";

export const POST = apiRoute(async ({ ctx, params }) =>
  Response.json(monitorJson(await pauseMonitor({ ctx, monitorId: params.id ?? "" }))),
);
