import { maintenances } from "@/db/schema";
import type { WorkspaceCtx } from "@/server/services/context";
import { badInput } from "@/server/services/errors";
import { parseInput } from "@/server/services/parse-input";
import { getEventBus } from "@/server/events/bus";
import { checkTiming } from "@/server/domain/maintenance/validate-maintenance";
import { windowAt } from "@/server/domain/maintenance/maintenance-window";
import {
  createMaintenanceInput,
  type CreateMaintenanceInput,
} from "@/server/services/maintenances/maintenance-settings";
import {
  assertSubjectsOf,
  setMaintenanceSubjects,
} from "@/server/services/maintenances/maintenance-subjects";
import { timingOf, type MaintenanceView } from "@/server/services/maintenances/maintenance-records";
import { recordWindowStart } from "@/server/services/maintenances/window-rows";
import { getMaintenance } from "@/server/services/maintenances/find-maintenance";

/**
 * Plans maintenance: a one-off window or a recurring one, over monitors and heartbeats of the
 * workspace (another workspace's are a 404). A window already running is recorded at once, so
 * its subjects are under maintenance from this commit on.
 */
export async function createMaintenance({
  ctx,
  input,
}: {
  ctx: WorkspaceCtx;
  input: CreateMaintenanceInput;
}): Promise<MaintenanceView> {
  const settings = parseInput(createMaintenanceInput, input);
  const now = ctx.now();
  const problem = checkTiming(settings, now);
  if (problem) throw badInput(problem.field, problem.message);
  await assertSubjectsOf(ctx.db, ctx.workspaceId, settings.subjects);
  const row = await ctx.db.transaction(async (tx) => {
    const [m] = await tx
      .insert(maintenances)
      .values({
        workspaceId: ctx.workspaceId,
        title: settings.title,
        body: settings.body,
        startsAt: settings.startsAt,
        endsAt: settings.endsAt,
        schedule: settings.schedule,
        durationSecs: settings.durationSecs,
        tz: settings.tz,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!m) throw new Error("maintenance insert returned no row");
    await setMaintenanceSubjects(tx, m, settings.subjects);
    const running = windowAt(timingOf(m, null), now);
    if (running) await recordWindowStart(tx, m, running);
    return m;
  });
  getEventBus().emit("page-content.changed", {
    workspaceId: ctx.workspaceId,
    kind: "maintenance",
    id: row.id,
  });
  return getMaintenance({ ctx, input: { maintenanceId: row.id } });
}
