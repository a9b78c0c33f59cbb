import { apiRoute, readJson } from "@/server/http/api-v1/respond";
import { parseUpdateStatusPage, statusPageJson } from "@/server/http/api-v1/status-page-json";
import { getStatusPage } from "@/server/services/status-pages/find-status-page";
import { updateStatusPage } from "@/server/services/status-pages/update-status-page";
import { deleteStatusPage } from "@/server/services/status-pages/delete-status-page";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async ({ ctx, params, config }) => {
  const page = await getStatusPage({ ctx, input: { statusPageId: params.id ?? "" } });
  return Response.json(statusPageJson(page, config.baseUrl));
});

export const PATCH = apiRoute(async ({ req, ctx, params, config }) => {
  const page = await updateStatusPage({
    ctx,
    input: { statusPageId: params.id ?? "", changes: parseUpdateStatusPage(await readJson(req)) },
  });
  return Response.json(statusPageJson(page, config.baseUrl));
});

export const DELETE = apiRoute(async ({ ctx, params }) => {
  await deleteStatusPage({ ctx, input: { statusPageId: params.id ?? "" } });
  return new Response(null, { status: 204 });
});
