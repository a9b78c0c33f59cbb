import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { alertDeliveries, alertLanes, alertMessages } from "@/db/schema";
import type { ServiceCtx } from "@/server/services/context";
import type { AlertDeps, LaneLease, LaneOutcome } from "@/server/services/alerts/alert-types";
import { claimDueLanes, claimLane } from "@/server/services/alerts/lane-leases";
import { pickMessages } from "@/server/services/alerts/pick-messages";
import { AttemptRecorder } from "@/server/services/alerts/attempt-recorder";
import { sendWithDeadline } from "@/server/services/alerts/send-with-deadline";
import { workspacesMayTargetPrivate } from "@/server/services/workspaces/private-targets";

export type { AlertDeps, LaneLease, LaneOutcome } from "@/server/services/alerts/alert-types";
export { claimLane, LANE_LEASE_MS } from "@/server/services/alerts/lane-leases";

/** The deps of one send for a channel of a workspace that may (or may not) reach private addresses. */
export const deliveryDepsFor = (deps: AlertDeps, mayTargetPrivate: boolean): AlertDeps => ({
  ...deps,
  allowPrivateTargets: mayTargetPrivate,
});

/**
 * Works a batch of leased lanes: one transaction picks each lane's message (its open one, or the
 * pending flips folded into a new one), then every send runs outside any transaction, bounded by
 * the channel's timeout, and finished sends are recorded together (group commit). Resolves to
 * one promise per lane, so a receiver that hangs holds up only its own lane.
 */
export async function startLanes({
  ctx,
  input,
}: {
  ctx: ServiceCtx & { alerts: AlertDeps };
  input: { leases: readonly LaneLease[] };
}): Promise<Promise<LaneOutcome>[]> {
  const { leases } = input;
  const deps = ctx.alerts;
  if (leases.length === 0) return [];
  const picked = await pickMessages(ctx, leases, deps);
  const recorder = new AttemptRecorder(ctx);
  const results: Promise<LaneOutcome>[] = picked.settled.map(async (o) => o);
  const mayTargetPrivate = await workspacesMayTargetPrivate(
    ctx.db,
    deps.privateTargets,
    picked.works.map((w) => w.channel.workspaceId),
  );
  for (const work of picked.works)
    results.push(
      sendWithDeadline(
        work.channel,
        work.message.payload,
        deliveryDepsFor(deps, mayTargetPrivate.has(work.channel.workspaceId)),
      ).then(async (error) => recorder.record({ ...work, error, at: ctx.now() })),
    );
  // Lanes a committing flip held locked: one at a time, each waiting for its row.
  for (const lease of picked.skipped)
    results.push(
      startLanes({ ctx, input: { leases: [lease] } }).then(async (one) => one[0] ?? idle),
    );
  return results;
}

const idle: LaneOutcome = { sent: null, nextAt: null };

/** Works one leased lane (see startLanes). */
export async function processLane(
  ctx: ServiceCtx,
  lease: LaneLease,
  deps: AlertDeps,
): Promise<LaneOutcome> {
  const [outcome] = await startLanes({ ctx: { ...ctx, alerts: deps }, input: { leases: [lease] } });
  return outcome ? await outcome : idle;
}

/** Claims and works due lanes (up to `limit`), leasing and working `concurrency` at a time. */
export async function deliverDueAlerts({
  ctx,
  input = {},
}: {
  ctx: ServiceCtx & { db: Db; alerts: AlertDeps };
  input?: { limit?: number; concurrency?: number };
}): Promise<number> {
  const limit = input.limit ?? 500;
  const batch = input.concurrency ?? 50;
  // Lease one batch at a time: a lease taken up front would run out while earlier batches send.
  let worked = 0;
  while (worked < limit) {
    const leases = await claimDueLanes({ ctx, input: { limit: Math.min(batch, limit - worked) } });
    if (leases.length === 0) break;
    await Promise.all(await startLanes({ ctx, input: { leases } }));
    worked += leases.length;
  }
  return worked;
}

/** The lanes a flip was queued on (one per channel), for the Inngest driver. */
export async function lanesOfFlip({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { flipId: string };
}): Promise<{ laneId: string; channelId: string }[]> {
  const { flipId } = input;
  return ctx.db
    .select({ laneId: alertDeliveries.laneId, channelId: alertDeliveries.channelId })
    .from(alertDeliveries)
    .where(and(eq(alertDeliveries.flipId, flipId), eq(alertDeliveries.reminder, 0)));
}

/**
 * One step of the Inngest driver for one (flip, channel): works the lane if it is free and due,
 * then says whether that flip's delivery is settled (delivered, or given up) and, if not, when to
 * look again.
 */
export async function driveFlipDelivery({
  ctx,
  input,
}: {
  ctx: ServiceCtx & { db: Db; alerts: AlertDeps };
  input: { flipId: string; laneId: string };
}): Promise<{ settled: boolean; nextAt: string | null }> {
  const { flipId, laneId } = input;
  const lease = await claimLane(ctx.db, laneId, ctx.now());
  const outcome = lease ? await processLane(ctx, lease, ctx.alerts) : null;
  const [row] = await ctx.db
    .select({
      status: alertMessages.status,
      dueAt: alertLanes.dueAt,
      leaseUntil: alertLanes.leaseUntil,
    })
    .from(alertDeliveries)
    .innerJoin(alertLanes, eq(alertLanes.id, alertDeliveries.laneId))
    .leftJoin(alertMessages, eq(alertMessages.id, alertDeliveries.messageId))
    .where(
      and(
        eq(alertDeliveries.flipId, flipId),
        eq(alertDeliveries.laneId, laneId),
        // The flip's own delivery: a reminder of it (same flip, same lane) is not what settles it.
        eq(alertDeliveries.reminder, 0),
      ),
    );
  if (!row || row.status === "delivered" || row.status === "failed")
    return { settled: true, nextAt: null };
  const next =
    outcome?.nextAt ?? row.leaseUntil ?? row.dueAt ?? new Date(ctx.now().getTime() + 5_000);
  return { settled: false, nextAt: next.toISOString() };
}
