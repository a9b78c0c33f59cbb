import { apiRoute, HttpError, readJson } from "@/server/http/api-v1/respond";
import { parseBody } from "@/server/http/api-v1/schemas/shape";
import { incidentCreateBody } from "@/server/http/api-v1/schemas/incidents";
import { incidentJson } from "@/server/http/api-v1/incident-json";
import { listIncidents } from "@/server/services/incidents/list-incidents";
import { createIncident } from "@/server/services/incidents/create-incident";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async ({ req, ctx }) => {
  const status = new URL(req.url).searchParams.get("status");
  if (status !== null && status !== "open" && status !== "resolved")
    throw new HttpError(400, 'status: must be "open" or "resolved"');
  const incidents = await listIncidents({ ctx, input: { status: status ?? undefined } });
  return Response.json({ incidents: incidents.map(incidentJson) });
});

export const POST = apiRoute(async ({ req, ctx }) => {
  const input = parseBody(incidentCreateBody, await readJson(req));
  return Response.json(incidentJson(await createIncident({ ctx, input })), { status: 201 });
});
