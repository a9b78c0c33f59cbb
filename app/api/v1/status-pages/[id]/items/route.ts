import { apiRoute, readJson } from "@/server/http/api-v1/respond";
import { pageItemJson, parsePageItems } from "@/server/http/api-v1/status-page-json";
import { listPageSubjects } from "@/server/services/status-pages/list-page-subjects";
import { setPageSubjects } from "@/server/services/status-pages/set-page-subjects";

export const dynamic = "force-dynamic";

const itemsJson = (s: Awaited<ReturnType<typeof listPageSubjects>>) => ({
  items: [...s.monitors, ...s.heartbeats].map(pageItemJson),
});

export const GET = apiRoute(async ({ ctx, params }) =>
  Response.json(
    itemsJson(await listPageSubjects({ ctx, input: { statusPageId: params.id ?? "" } })),
  ),
);

export const PUT = apiRoute(async ({ req, ctx, params }) => {
  const subjects = await setPageSubjects({
    ctx,
    input: { statusPageId: params.id ?? "", items: parsePageItems(await readJson(req)) },
  });
  return Response.json(itemsJson(subjects));
});
