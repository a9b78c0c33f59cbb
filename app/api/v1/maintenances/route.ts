import { apiRoute, parseLimit, readJson } from "@/server/http/api-v1/respond";
import { maintenanceJson, parseCreateMaintenance } from "@/server/http/api-v1/maintenance-json";
import { listMaintenances } from "@/server/services/maintenances/find-maintenance";
import { createMaintenance } from "@/server/services/maintenances/create-maintenance";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async ({ req, ctx }) => {
  const list = await listMaintenances({ ctx, input: { limit: parseLimit(req) } });
  return Response.json({ maintenances: list.map(maintenanceJson) });
});

export const POST = apiRoute(async ({ req, ctx }) => {
  const m = await createMaintenance({ ctx, input: parseCreateMaintenance(await readJson(req)) });
  return Response.json(maintenanceJson(m), { status: 201 });
});
