import { and, eq } from "drizzle-orm";
import { maintenanceUpdates, maintenances } from "@/db/schema";
import type { WorkspaceCtx } from "@/server/services/context";
import { notFound } from "@/server/services/errors";
import { isUuid } from "@/server/services/ids";
import { parseInput } from "@/server/services/parse-input";
import { getEventBus } from "@/server/events/bus";
import {
  maintenanceUpdateInput,
  type MaintenanceUpdateInput,
} from "@/server/services/maintenances/maintenance-settings";
import type { MaintenanceView } from "@/server/services/maintenances/maintenance-records";
import { getMaintenance } from "@/server/services/maintenances/find-maintenance";

/** Posts what a person has to say on a maintenance (shown newest first, live on its pages). */
export async function postMaintenanceUpdate({
  ctx,
  input,
}: {
  ctx: WorkspaceCtx;
  input: MaintenanceUpdateInput & { maintenanceId: string };
}): Promise<{ update: MaintenanceView["updates"][number]; maintenance: MaintenanceView }> {
  const { maintenanceId, ...rest } = input;
  const update = parseInput(maintenanceUpdateInput, rest);
  if (!isUuid(maintenanceId)) throw notFound("maintenance not found");
  const now = ctx.now();
  const [row] = await ctx.db.transaction(async (tx) => {
    const [m] = await tx
      .select({ id: maintenances.id })
      .from(maintenances)
      .where(and(eq(maintenances.id, maintenanceId), eq(maintenances.workspaceId, ctx.workspaceId)))
      .for("update");
    if (!m) throw notFound("maintenance not found");
    await tx.update(maintenances).set({ updatedAt: now }).where(eq(maintenances.id, m.id));
    return tx
      .insert(maintenanceUpdates)
      .values({ maintenanceId, workspaceId: ctx.workspaceId, ...update, createdAt: now })
      .returning();
  });
  if (!row) throw new Error("maintenance update insert returned no row");
  getEventBus().emit("page-content.changed", {
    workspaceId: ctx.workspaceId,
    kind: "maintenance",
    id: maintenanceId,
  });
  const maintenance = await getMaintenance({ ctx, input: { maintenanceId } });
  const { id, status, body, createdAt, editedAt } = row;
  return { update: { id, status, body, createdAt, editedAt }, maintenance };
}
