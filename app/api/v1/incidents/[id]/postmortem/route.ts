import { apiRoute, readJson } from "@/server/http/api-v1/respond";
import { parseBody } from "@/server/http/api-v1/schemas/shape";
import { incidentPostmortemBody } from "@/server/http/api-v1/schemas/incidents";
import { incidentJson } from "@/server/http/api-v1/incident-json";
import { setIncidentPostmortem } from "@/server/services/incidents/edit-incident";
import { getIncident } from "@/server/services/incidents/list-incidents";

export const dynamic = "force-dynamic";

export const PUT = apiRoute(async ({ req, ctx, params }) => {
  const { postmortem } = parseBody(incidentPostmortemBody, await readJson(req));
  const incidentId = params.id ?? "";
  await setIncidentPostmortem({ ctx, input: { incidentId, postmortem } });
  return Response.json(incidentJson(await getIncident({ ctx, input: { incidentId } })));
});
