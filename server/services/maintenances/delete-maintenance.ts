import { and, eq, isNull } from "drizzle-orm";
import { heldAlerts, maintenances } from "@/db/schema";
import type { WorkspaceCtx } from "@/server/services/context";
import { notFound } from "@/server/services/errors";
import { isUuid } from "@/server/services/ids";
import { getEventBus } from "@/server/events/bus";

/**
 * Deletes a maintenance with its windows, subjects and updates. Alerts its windows held back are
 * looked at now (still down: sent; recovered: dropped), never lost.
 */
export async function deleteMaintenance({
  ctx,
  input,
}: {
  ctx: WorkspaceCtx;
  input: { maintenanceId: string };
}): Promise<void> {
  const { maintenanceId } = input;
  if (!isUuid(maintenanceId)) throw notFound("maintenance not found");
  const deleted = await ctx.db.transaction(async (tx) => {
    await tx
      .update(heldAlerts)
      .set({ releaseAt: ctx.now() })
      .where(
        and(
          eq(heldAlerts.maintenanceId, maintenanceId),
          eq(heldAlerts.workspaceId, ctx.workspaceId),
          isNull(heldAlerts.releasedAt),
        ),
      );
    return tx
      .delete(maintenances)
      .where(and(eq(maintenances.id, maintenanceId), eq(maintenances.workspaceId, ctx.workspaceId)))
      .returning({ id: maintenances.id });
  });
  if (deleted.length === 0) throw notFound("maintenance not found");
  getEventBus().emit("page-content.changed", {
    workspaceId: ctx.workspaceId,
    kind: "maintenance",
    id: maintenanceId,
  });
}
