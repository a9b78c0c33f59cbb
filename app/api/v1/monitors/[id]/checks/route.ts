import { apiRoute, parseLimit, parseOffset } from "@/server/http/api-v1/respond";
import { checkJson } from "@/server/http/api-v1/monitor-json";
import { listChecks } from "@/server/services/monitors/list-checks";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async ({ req, ctx, params }) => {
  const checks = await listChecks({
    ctx,
    input: { monitorId: params.id ?? "", limit: parseLimit(req), offset: parseOffset(req) },
  });
  return Response.json({ checks: checks.map(checkJson) });
});
