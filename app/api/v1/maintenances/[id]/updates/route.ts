import { apiRoute, readJson } from "@/server/http/api-v1/respond";
import {
  maintenanceUpdateJson,
  parseMaintenanceUpdate,
} from "@/server/http/api-v1/maintenance-json";
import { postMaintenanceUpdate } from "@/server/services/maintenances/post-maintenance-update";

export const dynamic = "force-dynamic";

export const POST = apiRoute(async ({ req, ctx, params }) => {
  const input = parseMaintenanceUpdate(await readJson(req));
  const { update } = await postMaintenanceUpdate({
    ctx,
    input: { ...input, maintenanceId: params.id ?? "" },
  });
  return Response.json(maintenanceUpdateJson(update), { status: 201 });
});
