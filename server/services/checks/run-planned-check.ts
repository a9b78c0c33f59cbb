import { and, eq } from "drizzle-orm";
import { getTableColumns } from "drizzle-orm";
import { monitors, workspaces } from "@/db/schema";
import type { ServiceCtx } from "@/server/services/context";
import { checkLeasedMonitor, type CheckRunOptions } from "@/server/services/checks/run-due-checks";
import type { RecordOutcome } from "@/server/services/checks/record-check-result";

export type PlannedCheckOutcome =
  { ran: false; reason: "superseded" } | (RecordOutcome & { ran: true; retryAt: Date | null });

/**
 * Runs a check the Inngest planner scheduled, if its lease still holds (a pause, delete or newer
 * plan voids it). While failing but not yet down, says when to re-check at the retry interval.
 */
export async function runPlannedCheck({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { monitorId: string; leaseToken: string; options: CheckRunOptions };
}): Promise<PlannedCheckOutcome> {
  const { monitorId, leaseToken, options } = input;
  const [monitor] = await ctx.db
    .select({
      ...getTableColumns(monitors),
      privateTargetsGranted: workspaces.allowPrivateTargets,
    })
    .from(monitors)
    .innerJoin(workspaces, eq(workspaces.id, monitors.workspaceId))
    .where(and(eq(monitors.id, monitorId), eq(monitors.leaseToken, leaseToken)))
    .limit(1);
  if (!monitor || monitor.status === "paused") return { ran: false, reason: "superseded" };
  const outcome = await checkLeasedMonitor({
    ctx,
    input: { monitor: { ...monitor, leaseToken }, options, scheduling: "planned" },
  });
  const failing = outcome.recorded && outcome.status !== "down" && !outcome.ok;
  const retryAt =
    failing && monitor.retryIntervalSecs < monitor.intervalSecs
      ? new Date(ctx.now().getTime() + monitor.retryIntervalSecs * 1000)
      : null;
  return { ...outcome, ran: true, retryAt };
}
