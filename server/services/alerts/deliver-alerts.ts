import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, isNotNull, isNull, lte, min, or, sql } from "drizzle-orm";
import type { Db, DbOrTx, Tx } from "@/db/client";
import {
  alertDeliveries,
  alertLanes,
  alertMessages,
  channels,
  flips,
  incidents,
  type AlertMessage,
  type Channel,
} from "@/db/schema";
import type { ServiceCtx } from "@/server/services/context";
import { GIVE_UP_AFTER_MS, nextSendAt, retryDelayMs } from "@/server/domain/alerts/alert-policy";
import type { DeliveryDeps } from "@/server/alerts/channel-kind";
import { channelStrategies } from "@/server/alerts/channel-kinds";
import { composeNotification, findSubject } from "@/server/services/alerts/compose-notification";
import { sendWithDeadline } from "@/server/services/alerts/send-with-deadline";

export type AlertDeps = DeliveryDeps & { baseUrl: string };
export type LaneLease = { id: string; token: string };
export type LaneOutcome = {
  sent: "delivered" | "retrying" | "failed" | null;
  /** When the lane must be looked at again (a retry, the end of a folding window), or null. */
  nextAt: Date | null;
};

/** Long enough for one bounded send; a worker that died mid-send frees its lanes after this. */
export const LANE_LEASE_MS = 60_000;

/** Leases up to `limit` lanes that are due; another worker skips them (FOR UPDATE SKIP LOCKED). */
export async function claimDueLanes(db: Db, now: Date, limit: number): Promise<LaneLease[]> {
  const token = randomUUID();
  const due = db
    .select({ id: alertLanes.id })
    .from(alertLanes)
    .where(
      and(
        lte(alertLanes.dueAt, now),
        or(isNull(alertLanes.leaseUntil), lte(alertLanes.leaseUntil, now)),
      ),
    )
    .orderBy(asc(alertLanes.dueAt))
    .limit(limit)
    .for("update", { skipLocked: true });
  const rows = await db
    .update(alertLanes)
    .set({ leaseToken: token, leaseUntil: new Date(now.getTime() + LANE_LEASE_MS) })
    .where(inArray(alertLanes.id, due))
    .returning({ id: alertLanes.id });
  return rows.map((r) => ({ id: r.id, token }));
}

/** Leases one lane if it is due and free (the Inngest driver works lane by lane). */
export async function claimLane(db: Db, laneId: string, now: Date): Promise<LaneLease | null> {
  const token = randomUUID();
  const [row] = await db
    .update(alertLanes)
    .set({ leaseToken: token, leaseUntil: new Date(now.getTime() + LANE_LEASE_MS) })
    .where(
      and(
        eq(alertLanes.id, laneId),
        lte(alertLanes.dueAt, now),
        or(isNull(alertLanes.leaseUntil), lte(alertLanes.leaseUntil, now)),
      ),
    )
    .returning({ id: alertLanes.id });
  return row ? { id: row.id, token } : null;
}

/** When the next lane falls due (a lane held by a worker: when its lease ends), or null. */
export async function nextLaneDueAt(db: DbOrTx): Promise<Date | null> {
  // Two index-friendly looks: free lanes by due_at, and the few leased ones.
  const [free] = await db
    .select({ at: min(alertLanes.dueAt) })
    .from(alertLanes)
    .where(and(isNotNull(alertLanes.dueAt), isNull(alertLanes.leaseUntil)));
  const [held] = await db
    .select({ at: min(sql<Date>`greatest(${alertLanes.dueAt}, ${alertLanes.leaseUntil})`) })
    .from(alertLanes)
    .where(and(isNotNull(alertLanes.dueAt), isNotNull(alertLanes.leaseUntil)));
  const times = [free?.at, held?.at].filter((t) => t != null).map((t) => new Date(t).getTime());
  return times.length > 0 ? new Date(Math.min(...times)) : null;
}

/**
 * Frees the lane, due at `dueAt` if flips are still waiting in it (else idle). The caller holds
 * the lane's row lock, so no flip can slip in between the look and the write. Says if any wait.
 */
async function releaseLaneAfterSend(
  tx: Tx,
  lease: LaneLease,
  dueAt: Date,
  lastSentAt?: Date,
): Promise<boolean> {
  const waiting = sql`exists (select 1 from ${alertDeliveries}
    where ${alertDeliveries.laneId} = ${alertLanes.id} and ${alertDeliveries.messageId} is null)`;
  const [row] = await tx
    .update(alertLanes)
    .set({
      dueAt: sql`case when ${waiting} then ${dueAt.toISOString()}::timestamptz end`,
      leaseToken: null,
      leaseUntil: null,
      ...(lastSentAt ? { lastSentAt } : {}),
    })
    .where(and(eq(alertLanes.id, lease.id), eq(alertLanes.leaseToken, lease.token)))
    .returning({ dueAt: alertLanes.dueAt });
  return row?.dueAt != null;
}

async function releaseLane(
  tx: Tx,
  lease: LaneLease,
  dueAt: Date | null,
  lastSentAt?: Date,
): Promise<void> {
  await tx
    .update(alertLanes)
    .set({ dueAt, leaseToken: null, leaseUntil: null, ...(lastSentAt ? { lastSentAt } : {}) })
    .where(and(eq(alertLanes.id, lease.id), eq(alertLanes.leaseToken, lease.token)));
}

type Picked = { message: AlertMessage; channel: Channel } | { message: null; outcome: LaneOutcome };

/** Under the lane's lease: the message to (re)send now, composed from the pending flips if needed. */
async function pickMessage(ctx: ServiceCtx, lease: LaneLease, deps: AlertDeps): Promise<Picked> {
  const now = ctx.now();
  return ctx.db.transaction(async (tx): Promise<Picked> => {
    // Row lock first: a flip committing into this lane is then fully visible to what follows.
    const [locked] = await tx
      .select({ lane: alertLanes, channel: channels })
      .from(alertLanes)
      .innerJoin(channels, eq(channels.id, alertLanes.channelId))
      .where(and(eq(alertLanes.id, lease.id), eq(alertLanes.leaseToken, lease.token)))
      .for("update", { of: alertLanes });
    if (!locked) return { message: null, outcome: { sent: null, nextAt: null } };
    const { lane, channel } = locked;
    const [open] = await tx
      .select()
      .from(alertMessages)
      .where(
        and(
          eq(alertMessages.laneId, lane.id),
          inArray(alertMessages.status, ["sending", "retrying"]),
        ),
      )
      .orderBy(asc(alertMessages.createdAt))
      .limit(1);
    if (open) {
      if (open.nextAttemptAt && open.nextAttemptAt > now) {
        await releaseLane(tx, lease, open.nextAttemptAt);
        return { message: null, outcome: { sent: null, nextAt: open.nextAttemptAt } };
      }
      return { message: open, channel };
    }
    const pending = await tx
      .select({
        delivery: alertDeliveries,
        flip: flips,
        // When the old state began (the subject's previous flip), and the outage a recovery ended.
        previousAt: sql<Date | string | null>`case when ${flips.monitorId} is not null
          then (select p.at from ${flips} p where p.monitor_id = ${flips.monitorId}
            and p.at <= ${flips.at} and p.seq < ${flips.seq} order by p.at desc, p.seq desc limit 1)
          else (select p.at from ${flips} p where p.heartbeat_id = ${flips.heartbeatId}
            and p.at <= ${flips.at} and p.seq < ${flips.seq} order by p.at desc, p.seq desc limit 1) end`,
        outageStartedAt: incidents.startedAt,
      })
      .from(alertDeliveries)
      .innerJoin(flips, eq(flips.id, alertDeliveries.flipId))
      .leftJoin(incidents, eq(incidents.resolvedByFlipId, flips.id))
      .where(and(eq(alertDeliveries.laneId, lane.id), isNull(alertDeliveries.messageId)))
      .orderBy(asc(flips.seq));
    if (pending.length === 0) {
      await releaseLane(tx, lease, null);
      return { message: null, outcome: { sent: null, nextAt: null } };
    }
    const sendAt = nextSendAt(now, lane.lastSentAt);
    if (sendAt > now) {
      await releaseLane(tx, lease, sendAt);
      return { message: null, outcome: { sent: null, nextAt: sendAt } };
    }
    const subject = await findSubject(tx, lane.subjectKind, lane.subjectId);
    if (!subject) {
      await releaseLane(tx, lease, null);
      return { message: null, outcome: { sent: null, nextAt: null } };
    }
    // Reminders ride along with real flips; alone, a message reminds of the outage's flip.
    const changes = pending.filter((p) => p.delivery.reminder === 0);
    const reminder = changes.length === 0 ? pending.at(-1) : undefined;
    const notification = await composeNotification(tx, {
      kind: reminder ? "reminder" : "alert",
      subject,
      channel,
      flips: (reminder ? [reminder] : changes).map((p) => ({
        ...p.flip,
        previousAt: p.previousAt === null ? null : new Date(p.previousAt),
        outageStartedAt: p.outageStartedAt,
      })),
      now,
      baseUrl: deps.baseUrl,
    });
    if (reminder) notification.deliveryKey += `.reminder-${reminder.delivery.reminder}`;
    const strategy = channelStrategies[channel.kind];
    const [message] = await tx
      .insert(alertMessages)
      .values({
        workspaceId: lane.workspaceId,
        channelId: channel.id,
        laneId: lane.id,
        kind: notification.kind,
        subjectKind: lane.subjectKind,
        monitorId: lane.monitorId,
        heartbeatId: lane.heartbeatId,
        deliveryKey: notification.deliveryKey,
        flipIds: notification.flips.map((f) => f.id),
        summary: strategy.render(notification).title,
        payload: strategy.render(notification),
        // A disabled channel sends nothing: its flips are logged as not sent, never held back.
        status: channel.enabled ? "sending" : "failed",
        lastError: channel.enabled ? null : "the channel is disabled",
        createdAt: now,
      })
      .returning();
    if (!message) throw new Error("alert message insert returned no row");
    await tx
      .update(alertDeliveries)
      .set({ messageId: message.id })
      .where(
        inArray(
          alertDeliveries.id,
          pending.map((p) => p.delivery.id),
        ),
      );
    if (!channel.enabled) {
      await releaseLane(tx, lease, null);
      return { message: null, outcome: { sent: "failed", nextAt: null } };
    }
    return { message, channel };
  });
}

/**
 * Works one leased lane: sends its open message (a retry keeps the same body and delivery key) or
 * folds its pending flips into a new one, records the attempt and frees the lane. The send runs
 * outside any transaction and is bounded by the channel's timeout.
 */
export async function processLane(
  ctx: ServiceCtx,
  lease: LaneLease,
  deps: AlertDeps,
): Promise<LaneOutcome> {
  const picked = await pickMessage(ctx, lease, deps);
  if (!picked.message) return picked.outcome;
  const { message, channel } = picked;
  const error = await sendWithDeadline(channel, message.payload, deps);
  const done = ctx.now();
  return ctx.db.transaction(async (tx) => {
    // Lock the lane first: once held, a flip queueing into it has committed or waits for us.
    await tx
      .select({ id: alertLanes.id })
      .from(alertLanes)
      .where(eq(alertLanes.id, lease.id))
      .for("update");
    const attempts = message.attempts + 1;
    let outcome: LaneOutcome;
    if (error === null) {
      await tx
        .update(alertMessages)
        .set({ status: "delivered", attempts, deliveredAt: done, nextAttemptAt: null })
        .where(eq(alertMessages.id, message.id));
      // Every lane of a channel ends here: touch the shared channel row only when it changes
      // (a failure streak ends) or once a second, so busy lanes do not queue on its row lock.
      await tx
        .update(channels)
        .set({ consecutiveFailures: 0, lastDeliveredAt: done })
        .where(
          and(
            eq(channels.id, channel.id),
            or(
              sql`${channels.consecutiveFailures} > 0`,
              isNull(channels.lastDeliveredAt),
              lte(channels.lastDeliveredAt, new Date(done.getTime() - 1000)),
            ),
          ),
        );
      const more = await releaseLaneAfterSend(tx, lease, nextSendAt(done, done), done);
      outcome = { sent: "delivered", nextAt: more ? nextSendAt(done, done) : null };
    } else {
      const givesUp = done.getTime() - message.createdAt.getTime() >= GIVE_UP_AFTER_MS;
      const retryAt = givesUp ? null : new Date(done.getTime() + retryDelayMs(attempts));
      await tx
        .update(alertMessages)
        .set({
          status: givesUp ? "failed" : "retrying",
          attempts,
          lastError: error,
          nextAttemptAt: retryAt,
        })
        .where(eq(alertMessages.id, message.id));
      await tx
        .update(channels)
        .set({ consecutiveFailures: sql`${channels.consecutiveFailures} + 1`, lastError: error })
        .where(eq(channels.id, channel.id));
      if (retryAt) await releaseLane(tx, lease, retryAt);
      const more = retryAt ? true : await releaseLaneAfterSend(tx, lease, done);
      outcome = { sent: givesUp ? "failed" : "retrying", nextAt: retryAt ?? (more ? done : null) };
    }
    return outcome;
  });
}

/** Claims and works every due lane (up to `limit`), `concurrency` sends at a time. */
export async function deliverDueAlerts(
  ctx: ServiceCtx & { db: Db },
  deps: AlertDeps,
  options: { limit?: number; concurrency?: number } = {},
): Promise<number> {
  const leases = await claimDueLanes(ctx.db, ctx.now(), options.limit ?? 500);
  const queue = [...leases];
  const worker = async () => {
    for (let lease = queue.shift(); lease; lease = queue.shift())
      await processLane(ctx, lease, deps);
  };
  await Promise.all(
    Array.from({ length: Math.min(options.concurrency ?? 50, queue.length) }, worker),
  );
  return leases.length;
}

/** The lanes a flip was queued on (one per channel), for the Inngest driver. */
export async function lanesOfFlip(
  db: DbOrTx,
  flipId: string,
): Promise<{ laneId: string; channelId: string }[]> {
  return db
    .select({ laneId: alertDeliveries.laneId, channelId: alertDeliveries.channelId })
    .from(alertDeliveries)
    .where(and(eq(alertDeliveries.flipId, flipId), eq(alertDeliveries.reminder, 0)));
}

/**
 * One step of the Inngest driver for one (flip, channel): works the lane if it is free and due,
 * then says whether that flip's delivery is settled (delivered, or given up) and, if not, when to
 * look again.
 */
export async function driveFlipDelivery(
  ctx: ServiceCtx & { db: Db },
  flipId: string,
  laneId: string,
  deps: AlertDeps,
): Promise<{ settled: boolean; nextAt: string | null }> {
  const lease = await claimLane(ctx.db, laneId, ctx.now());
  const outcome = lease ? await processLane(ctx, lease, deps) : null;
  const [row] = await ctx.db
    .select({
      status: alertMessages.status,
      dueAt: alertLanes.dueAt,
      leaseUntil: alertLanes.leaseUntil,
    })
    .from(alertDeliveries)
    .innerJoin(alertLanes, eq(alertLanes.id, alertDeliveries.laneId))
    .leftJoin(alertMessages, eq(alertMessages.id, alertDeliveries.messageId))
    .where(and(eq(alertDeliveries.flipId, flipId), eq(alertDeliveries.laneId, laneId)));
  if (!row || row.status === "delivered" || row.status === "failed")
    return { settled: true, nextAt: null };
  const next =
    outcome?.nextAt ?? row.leaseUntil ?? row.dueAt ?? new Date(ctx.now().getTime() + 5_000);
  return { settled: false, nextAt: next.toISOString() };
}
