import { apiRoute, readJson } from "@/server/http/api-v1/respond";
import { parseBody } from "@/server/http/api-v1/schemas/shape";
import { incidentUpdateEditBody } from "@/server/http/api-v1/schemas/incidents";
import { incidentUpdateJson } from "@/server/http/api-v1/incident-json";
import {
  deleteIncidentUpdate,
  editIncidentUpdate,
} from "@/server/services/incidents/edit-incident";

export const dynamic = "force-dynamic";

export const PATCH = apiRoute(async ({ req, ctx, params }) => {
  const { body } = parseBody(incidentUpdateEditBody, await readJson(req));
  const ref = { incidentId: params.id ?? "", updateId: params.updateId ?? "" };
  return Response.json(
    incidentUpdateJson(await editIncidentUpdate({ ctx, input: { ...ref, body } })),
  );
});

export const DELETE = apiRoute(async ({ ctx, params }) => {
  const ref = { incidentId: params.id ?? "", updateId: params.updateId ?? "" };
  await deleteIncidentUpdate({ ctx, input: ref });
  return new Response(null, { status: 204 });
});
