import { apiRoute, readJson } from "@/server/http/api-v1/respond";
import { maintenanceJson, parsePatchMaintenance } from "@/server/http/api-v1/maintenance-json";
import { getMaintenance } from "@/server/services/maintenances/find-maintenance";
import { updateMaintenance } from "@/server/services/maintenances/update-maintenance";
import { deleteMaintenance } from "@/server/services/maintenances/delete-maintenance";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async ({ ctx, params }) =>
  Response.json(
    maintenanceJson(await getMaintenance({ ctx, input: { maintenanceId: params.id ?? "" } })),
  ),
);

export const PATCH = apiRoute(async ({ req, ctx, params }) => {
  const changes = parsePatchMaintenance(await readJson(req));
  const m = await updateMaintenance({ ctx, input: { ...changes, maintenanceId: params.id ?? "" } });
  return Response.json(maintenanceJson(m));
});

export const DELETE = apiRoute(async ({ ctx, params }) => {
  await deleteMaintenance({ ctx, input: { maintenanceId: params.id ?? "" } });
  return new Response(null, { status: 204 });
});
