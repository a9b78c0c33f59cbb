import { apiRoute, readJson } from "@/server/http/api-v1/respond";
import { parseCreateStatusPage, statusPageJson } from "@/server/http/api-v1/status-page-json";
import { listStatusPages } from "@/server/services/status-pages/find-status-page";
import { createStatusPage } from "@/server/services/status-pages/create-status-page";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async ({ ctx, config }) => {
  const pages = await listStatusPages({ ctx });
  return Response.json({ status_pages: pages.map((p) => statusPageJson(p, config.baseUrl)) });
});

export const POST = apiRoute(async ({ req, ctx, config }) => {
  const page = await createStatusPage({
    ctx,
    input: parseCreateStatusPage(await readJson(req)),
  });
  return Response.json(statusPageJson(page, config.baseUrl), { status: 201 });
});
