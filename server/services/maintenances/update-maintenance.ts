import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { maintenances, type Maintenance } from "@/db/schema";
import type { WorkspaceCtx } from "@/server/services/context";
import { badInput, conflict, notFound } from "@/server/services/errors";
import { isUuid } from "@/server/services/ids";
import { parseInput } from "@/server/services/parse-input";
import { getEventBus } from "@/server/events/bus";
import { windowAt, type MaintenanceTiming } from "@/server/domain/maintenance/maintenance-window";
import {
  maintenanceStatus,
  type MaintenanceStatus,
} from "@/server/domain/maintenance/maintenance-status";
import { checkOccurrenceEnd, checkTiming } from "@/server/domain/maintenance/validate-maintenance";
import {
  updateMaintenanceInput,
  type UpdateMaintenanceInput,
} from "@/server/services/maintenances/maintenance-settings";
import {
  assertSubjectsOf,
  setMaintenanceSubjects,
} from "@/server/services/maintenances/maintenance-subjects";
import {
  latestWindows,
  timingOf,
  type MaintenanceView,
} from "@/server/services/maintenances/maintenance-records";
import { moveWindowEnd, recordWindowStart } from "@/server/services/maintenances/window-rows";
import { getMaintenance } from "@/server/services/maintenances/find-maintenance";

type Changes = ReturnType<typeof updateMaintenanceInput.parse>;
type Current = { m: Maintenance; timing: MaintenanceTiming; status: MaintenanceStatus; now: Date };
type RowChanges = Partial<typeof maintenances.$inferInsert>;

const TIMING_KEYS = ["startsAt", "endsAt", "schedule", "durationSecs", "tz"] as const;

/**
 * Edits a maintenance (partial): its words and subjects; its timing before it ends; `status:
 * "completed"` ends the window in progress now, `"cancelled"` cancels it (and ends a window in
 * progress), a later `ends_at` extends the window in progress. Alerts held back by the window are
 * released at its new end.
 */
export async function updateMaintenance({
  ctx,
  input,
}: {
  ctx: WorkspaceCtx;
  input: UpdateMaintenanceInput & { maintenanceId: string };
}): Promise<MaintenanceView> {
  const { maintenanceId, ...rest } = input;
  const changes = parseInput(updateMaintenanceInput, rest);
  if (!isUuid(maintenanceId)) throw notFound("maintenance not found");
  if (changes.subjects) await assertSubjectsOf(ctx.db, ctx.workspaceId, changes.subjects);
  await ctx.db.transaction(async (tx) => {
    const [m] = await tx
      .select()
      .from(maintenances)
      .where(and(eq(maintenances.id, maintenanceId), eq(maintenances.workspaceId, ctx.workspaceId)))
      .for("update");
    if (!m) throw notFound("maintenance not found");
    const now = ctx.now();
    const timing = timingOf(m, (await latestWindows(tx, [m.id])).get(m.id) ?? null);
    const current: Current = { m, timing, status: maintenanceStatus(timing, now), now };
    let set: RowChanges = {};
    if (changes.status === "cancelled") set = await cancel(tx, current);
    else if (changes.status === "completed") set = await endNow(tx, current);
    else if (TIMING_KEYS.some((k) => changes[k] !== undefined))
      set = await retime(tx, current, changes);
    if (changes.subjects) await setMaintenanceSubjects(tx, m, changes.subjects);
    await tx
      .update(maintenances)
      .set({
        ...set,
        ...(changes.title !== undefined ? { title: changes.title } : {}),
        ...(changes.body !== undefined ? { body: changes.body } : {}),
        updatedAt: now,
      })
      .where(eq(maintenances.id, m.id));
  });
  getEventBus().emit("page-content.changed", {
    workspaceId: ctx.workspaceId,
    kind: "maintenance",
    id: maintenanceId,
  });
  return getMaintenance({ ctx, input: { maintenanceId } });
}

async function cancel(tx: Tx, { m, timing, status, now }: Current): Promise<RowChanges> {
  if (status === "cancelled") throw conflict("this maintenance is already cancelled", "status");
  if (status === "completed") throw conflict("this maintenance has already completed", "status");
  const running = windowAt(timing, now);
  if (running) await moveWindowEnd(tx, m, running.startsAt, now);
  return { cancelledAt: now };
}

async function endNow(tx: Tx, { m, timing, now }: Current): Promise<RowChanges> {
  const running = windowAt(timing, now);
  if (!running)
    throw conflict("no window of this maintenance is in progress (cancel it instead)", "status");
  await moveWindowEnd(tx, m, running.startsAt, now);
  return m.schedule === null ? { endsAt: now, endedEarlyAt: now } : { endedEarlyAt: now };
}

async function retime(tx: Tx, { m, timing, status, now }: Current, changes: Changes) {
  if (status === "completed" || status === "cancelled")
    throw conflict(`this maintenance is ${status}: plan a new one`, "status");
  const running = windowAt(timing, now);
  const onlyEnd = TIMING_KEYS.every((k) => k === "endsAt" || changes[k] === undefined);
  if (m.schedule !== null && onlyEnd && changes.endsAt) {
    const problem = checkOccurrenceEnd(timing, changes.endsAt, now);
    if (problem) throw badInput(problem.field, problem.message);
    await moveWindowEnd(tx, m, running!.startsAt, changes.endsAt);
    return {};
  }
  const next = {
    startsAt: changes.startsAt !== undefined ? changes.startsAt : m.startsAt,
    endsAt: changes.endsAt !== undefined ? changes.endsAt : m.endsAt,
    schedule: changes.schedule !== undefined ? changes.schedule : m.schedule,
    durationSecs: changes.durationSecs !== undefined ? changes.durationSecs : m.durationSecs,
    tz: changes.tz ?? m.tz ?? "UTC",
  };
  if (running && m.schedule === null && next.startsAt?.getTime() !== m.startsAt?.getTime())
    throw badInput("starts_at", "starts_at: the window has already started; end or extend it");
  const problem = checkTiming(next, now);
  if (problem) throw badInput(problem.field, problem.message);
  if (running && next.schedule === null && next.endsAt)
    await moveWindowEnd(tx, m, running.startsAt, next.endsAt);
  const started = windowAt(timingOf({ ...m, ...next }, null), now);
  if (!running && started) await recordWindowStart(tx, m, started);
  return next;
}
