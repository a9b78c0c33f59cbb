import { apiRoute, readJson } from "@/server/http/api-v1/respond";
import { parseBody } from "@/server/http/api-v1/schemas/shape";
import { incidentUpdateBody } from "@/server/http/api-v1/schemas/incidents";
import { incidentUpdateJson } from "@/server/http/api-v1/incident-json";
import { postIncidentUpdate } from "@/server/services/incidents/post-incident-update";

export const dynamic = "force-dynamic";

export const POST = apiRoute(async ({ req, ctx, params }) => {
  const body = parseBody(incidentUpdateBody, await readJson(req));
  const update = await postIncidentUpdate({ ctx, input: { incidentId: params.id ?? "", ...body } });
  return Response.json(incidentUpdateJson(update), { status: 201 });
});
