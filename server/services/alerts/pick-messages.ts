import { and, asc, inArray, isNull, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
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
import { nextSendAt } from "@/server/domain/alerts/alert-policy";
import { channelStrategies } from "@/server/alerts/channel-kinds";
import { buildNotification, findSubjects } from "@/server/services/alerts/compose-notification";
import { findStatusPageUrls } from "@/server/services/alerts/find-status-page-url";
import { rowsOf } from "@/db/rows-of";
import { narrowToConfirmed } from "@/server/services/alerts/email-confirmations";
import {
  LANE_LEASE_MS,
  type AlertDeps,
  type LaneLease,
  type LaneOutcome,
} from "@/server/services/alerts/deliver-alerts";

/** A message to (re)send now on a leased lane. */
export type Work = { lease: LaneLease; message: AlertMessage; channel: Channel };

export type Picked = {
  works: Work[];
  /** Lanes with nothing to send now, already freed (idle, a retry not due, a folding window). */
  settled: LaneOutcome[];
  /** Lanes a committing flip holds locked right now: work them one by one, waiting for it. */
  skipped: LaneLease[];
};

const ts = (d: Date | null) => (d ? d.toISOString() : null);

/** Frees lanes: each due at its time (or idle), if the lease is still the one given. */
export async function releaseLanes(
  tx: Tx,
  rows: readonly { lease: LaneLease; dueAt: Date | null }[],
): Promise<void> {
  if (rows.length === 0) return;
  const values = rows.map(
    (r) => sql`(${r.lease.id}::uuid, ${r.lease.token}::uuid, ${ts(r.dueAt)}::timestamptz)`,
  );
  await tx.execute(sql`
    update ${alertLanes} l set due_at = v.due_at, lease_token = null, lease_until = null
    from (values ${sql.join(values, sql`, `)}) as v(id, token, due_at)
    where l.id = v.id and l.lease_token = v.token`);
}

/**
 * Under the lanes' leases, in one transaction: for each lane the message to (re)send now — its
 * open message (a retry keeps its body and delivery key), or a new one folding the pending flips
 * once the lane's one-message-a-minute window allows. Lanes with nothing to send are freed.
 * A single lane waits for its row lock; a batch skips rows a committing flip holds (no deadlock).
 */
export async function pickMessages(
  ctx: ServiceCtx,
  leases: readonly LaneLease[],
  deps: AlertDeps,
): Promise<Picked> {
  const now = ctx.now();
  const tokenOf = new Map(leases.map((l) => [l.id, l.token]));
  return ctx.db.transaction(async (tx): Promise<Picked> => {
    // Row locks first: a flip committing into these lanes is then fully visible below.
    const rows = await tx
      .select({ lane: alertLanes, channel: channels })
      .from(alertLanes)
      .innerJoin(channels, sql`${channels.id} = ${alertLanes.channelId}`)
      .where(inArray(alertLanes.id, [...tokenOf.keys()]))
      .orderBy(asc(alertLanes.id))
      .for(
        "update",
        leases.length === 1 ? { of: alertLanes } : { of: alertLanes, skipLocked: true },
      );
    const seen = new Set(rows.map((r) => r.lane.id));
    const skipped = leases.filter((l) => !seen.has(l.id));
    // A lease that expired is no longer ours (another worker may hold it, or may claim it while
    // we send): leave that lane alone. The others are leased anew for the send about to start.
    const mine = rows.filter(
      (r) =>
        r.lane.leaseToken === tokenOf.get(r.lane.id) &&
        r.lane.leaseUntil !== null &&
        r.lane.leaseUntil > now,
    );
    const settled: LaneOutcome[] = [];
    const works: Work[] = [];
    const releases: { lease: LaneLease; dueAt: Date | null }[] = [];
    const free = (lease: LaneLease, dueAt: Date | null, sent: LaneOutcome["sent"] = null) => {
      releases.push({ lease, dueAt });
      settled.push({ sent, nextAt: dueAt });
    };
    if (mine.length === 0) return { works, settled, skipped };
    await tx
      .update(alertLanes)
      .set({ leaseUntil: new Date(now.getTime() + LANE_LEASE_MS) })
      .where(
        inArray(
          alertLanes.id,
          mine.map((r) => r.lane.id),
        ),
      );

    const open = await tx
      .selectDistinctOn([alertMessages.laneId])
      .from(alertMessages)
      .where(
        and(
          inArray(
            alertMessages.laneId,
            mine.map((r) => r.lane.id),
          ),
          inArray(alertMessages.status, ["sending", "retrying"]),
        ),
      )
      .orderBy(alertMessages.laneId, asc(alertMessages.createdAt));
    const openOf = new Map(open.map((m) => [m.laneId, m]));
    const fresh = mine.filter((r) => !openOf.has(r.lane.id));
    const pending =
      fresh.length === 0
        ? []
        : await tx
            .select({
              delivery: alertDeliveries,
              flip: flips,
              // When the old state began (the previous flip), and the outage a recovery ended.
              previousAt: sql<Date | string | null>`case when ${flips.monitorId} is not null
                then (select p.at from ${flips} p where p.monitor_id = ${flips.monitorId}
                  and p.at <= ${flips.at} and p.seq < ${flips.seq} order by p.at desc, p.seq desc limit 1)
                else (select p.at from ${flips} p where p.heartbeat_id = ${flips.heartbeatId}
                  and p.at <= ${flips.at} and p.seq < ${flips.seq} order by p.at desc, p.seq desc limit 1) end`,
              outageStartedAt: incidents.startedAt,
            })
            .from(alertDeliveries)
            .innerJoin(flips, sql`${flips.id} = ${alertDeliveries.flipId}`)
            .leftJoin(incidents, sql`${incidents.resolvedByFlipId} = ${flips.id}`)
            .where(
              and(
                inArray(
                  alertDeliveries.laneId,
                  fresh.map((r) => r.lane.id),
                ),
                isNull(alertDeliveries.messageId),
              ),
            )
            .orderBy(asc(flips.seq));

    // An email channel sends only to the addresses that confirmed; with none, nothing at all.
    const narrowed = await narrowToConfirmed(
      tx,
      mine.map((r) => r.channel),
    );
    const targetOf = (channel: Channel) => narrowed.get(channel.id) ?? { channel, blocked: null };
    const blockedOf = (channel: Channel) =>
      channel.enabled ? targetOf(channel).blocked : "the channel is disabled";
    const toCompose: { row: (typeof mine)[number]; lease: LaneLease; items: typeof pending }[] = [];
    const disabled: { lease: LaneLease; message: AlertMessage; reason: string }[] = [];
    for (const row of mine) {
      const lease = { id: row.lane.id, token: row.lane.leaseToken ?? "" };
      const message = openOf.get(row.lane.id);
      if (message) {
        const reason = blockedOf(row.channel);
        if (reason !== null) disabled.push({ lease, message, reason });
        else if (message.nextAttemptAt && message.nextAttemptAt > now)
          free(lease, message.nextAttemptAt);
        else works.push({ lease, message, channel: targetOf(row.channel).channel });
        continue;
      }
      const items = pending.filter((p) => p.delivery.laneId === row.lane.id);
      const sendAt = nextSendAt(now, row.lane.lastSentAt);
      if (items.length === 0) free(lease, null);
      else if (sendAt > now) free(lease, sendAt);
      else toCompose.push({ row, lease, items });
    }

    if (disabled.length > 0) {
      // A disabled (or unconfirmed) channel sends nothing more: its open messages are given up and
      // the lanes freed (due at once if flips wait, which are then logged as not sent either).
      for (const reason of new Set(disabled.map((d) => d.reason)))
        await tx
          .update(alertMessages)
          .set({ status: "failed", lastError: reason, nextAttemptAt: null })
          .where(
            inArray(
              alertMessages.id,
              disabled.filter((d) => d.reason === reason).map((d) => d.message.id),
            ),
          );
      const freed = rowsOf<{ id: string; due_at: Date | string | null }>(
        await tx.execute(sql`
          update ${alertLanes} l set lease_token = null, lease_until = null,
            due_at = case when exists (select 1 from ${alertDeliveries} d
              where d.lane_id = l.id and d.message_id is null) then ${now.toISOString()}::timestamptz end
          where l.id in (${sql.join(
            disabled.map((d) => sql`${d.lease.id}::uuid`),
            sql`, `,
          )})
          returning l.id, l.due_at`),
      );
      for (const f of freed)
        settled.push({ sent: "failed", nextAt: f.due_at === null ? null : new Date(f.due_at) });
    }

    const subjects = await findSubjects(
      tx,
      toCompose.map(({ row }) => ({ kind: row.lane.subjectKind, id: row.lane.subjectId })),
    );
    const pageUrls = await findStatusPageUrls(tx, [...subjects.values()], deps.baseUrl);
    const composed: {
      lease: LaneLease;
      channel: Channel;
      deliveryIds: string[];
      values: typeof alertMessages.$inferInsert;
    }[] = [];
    for (const { row, lease, items } of toCompose) {
      const subject = subjects.get(row.lane.subjectId);
      if (!subject) {
        free(lease, null);
        continue;
      }
      // Reminders ride along with real flips; alone, a message reminds of the outage's flip.
      const changes = items.filter((p) => p.delivery.reminder === 0);
      const reminder = changes.length === 0 ? items.at(-1) : undefined;
      const notification = buildNotification({
        kind: reminder ? "reminder" : "alert",
        subject,
        channel: row.channel,
        flips: (reminder ? [reminder] : changes).map((p) => ({
          ...p.flip,
          previousAt: p.previousAt === null ? null : new Date(p.previousAt),
          outageStartedAt: p.outageStartedAt,
        })),
        now,
        baseUrl: deps.baseUrl,
        statusPageUrl: pageUrls.get(subject.id) ?? null,
      });
      if (reminder) notification.deliveryKey += `.reminder-${reminder.delivery.reminder}`;
      const payload = channelStrategies[row.channel.kind].render(notification);
      const blocked = blockedOf(row.channel);
      composed.push({
        lease,
        channel: row.channel,
        deliveryIds: items.map((p) => p.delivery.id),
        values: {
          workspaceId: row.lane.workspaceId,
          channelId: row.channel.id,
          laneId: row.lane.id,
          kind: notification.kind,
          subjectKind: row.lane.subjectKind,
          monitorId: row.lane.monitorId,
          heartbeatId: row.lane.heartbeatId,
          deliveryKey: notification.deliveryKey,
          flipIds: notification.flips.map((f) => f.id),
          summary: payload.title,
          payload,
          // A disabled or unconfirmed channel sends nothing: its flips are logged as not sent (with
          // why), never held back or retried.
          status: blocked === null ? "sending" : "failed",
          lastError: blocked,
          createdAt: now,
        },
      });
    }
    if (composed.length > 0) {
      const inserted = await tx
        .insert(alertMessages)
        .values(composed.map((c) => c.values))
        .returning();
      const byLane = new Map(inserted.map((m) => [m.laneId, m]));
      const pairs = composed.flatMap((c) => {
        const message = byLane.get(c.lease.id);
        return message ? c.deliveryIds.map((d) => sql`(${d}::uuid, ${message.id}::uuid)`) : [];
      });
      if (pairs.length > 0)
        await tx.execute(sql`
          update ${alertDeliveries} d set message_id = v.message_id
          from (values ${sql.join(pairs, sql`, `)}) as v(id, message_id) where d.id = v.id`);
      for (const c of composed) {
        const message = byLane.get(c.lease.id);
        if (!message) throw new Error("alert message insert returned too few rows");
        if (message.status === "failed") free(c.lease, null, "failed");
        else works.push({ lease: c.lease, message, channel: targetOf(c.channel).channel });
      }
    }
    await releaseLanes(tx, releases);
    return { works, settled, skipped };
  });
}
