import { apiRoute } from "@/server/http/api-v1/respond";
import { incidentJson } from "@/server/http/api-v1/incident-json";
import { getIncident } from "@/server/services/incidents/list-incidents";
import { deleteIncident } from "@/server/services/incidents/edit-incident";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async ({ ctx, params }) =>
  Response.json(incidentJson(await getIncident({ ctx, input: { incidentId: params.id ?? "" } }))),
);

export const DELETE = apiRoute(async ({ ctx, params }) => {
  await deleteIncident({ ctx, input: { incidentId: params.id ?? "" } });
  return new Response(null, { status: 204 });
});
