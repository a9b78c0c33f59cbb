import { and, asc, inArray, isNull, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import {
  alertDeliveries,
  alertMessages,
  flips,
  heldAlerts,
  incidents,
  type Channel,
} from "@/db/schema";
import { channelStrategies } from "@/server/alerts/channel-kinds";
import { alertKindOf } from "@/server/domain/alerts/alert-policy";
import {
  buildNotification,
  findSubjects,
  type Subject,
} from "@/server/services/alerts/compose-notification";
import { findStatusPageUrls } from "@/server/services/alerts/find-status-page-url";
import type { AlertDeps, LaneLease } from "@/server/services/alerts/alert-types";
import {
  freeLane,
  type LaneRow,
  type PickResult,
  type Targets,
} from "@/server/services/alerts/lane-pick";

export type PendingDelivery = Awaited<ReturnType<typeof findPendingDeliveries>>[number];
export type ToCompose = { row: LaneRow; lease: LaneLease; items: PendingDelivery[] };
type Composed = {
  lease: LaneLease;
  channel: Channel;
  deliveryIds: string[];
  values: typeof alertMessages.$inferInsert;
};

/** The flips queued on these lanes and not yet in a message, oldest first. */
export async function findPendingDeliveries(tx: Tx, laneIds: readonly string[]) {
  if (laneIds.length === 0) return [];
  return tx
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
      /** Set when a maintenance window held the flip back and it went out when the window ended. */
      heldUntil: heldAlerts.releasedAt,
    })
    .from(alertDeliveries)
    .innerJoin(flips, sql`${flips.id} = ${alertDeliveries.flipId}`)
    .leftJoin(incidents, sql`${incidents.resolvedByFlipId} = ${flips.id}`)
    .leftJoin(heldAlerts, sql`${heldAlerts.flipId} = ${flips.id}`)
    .where(and(inArray(alertDeliveries.laneId, [...laneIds]), isNull(alertDeliveries.messageId)))
    .orderBy(asc(flips.seq));
}

/**
 * Folds each lane's pending flips into one message, inserts the messages and ties the flips to
 * them; each becomes a send, or (a blocked channel) is logged as not sent and its lane freed.
 */
export async function composeLaneMessages(
  tx: Tx,
  toCompose: readonly ToCompose[],
  targets: Targets,
  deps: AlertDeps,
  now: Date,
  result: PickResult,
): Promise<void> {
  const subjects = await findSubjects(
    tx,
    toCompose.map(({ row }) => ({ kind: row.lane.subjectKind, id: row.lane.subjectId })),
  );
  const pageUrls = await findStatusPageUrls(tx, [...subjects.values()], deps.baseUrl);
  const composed: Composed[] = [];
  for (const item of toCompose) {
    const subject = subjects.get(item.row.lane.subjectId);
    if (!subject) freeLane(result, item.lease, null);
    else {
      const pageUrl = pageUrls.get(subject.id) ?? null;
      composed.push(composeOne(item, subject, pageUrl, targets, deps, now));
    }
  }
  await insertMessages(tx, composed, targets, result);
}

const isDown = (f: {
  subjectKind: "monitor" | "heartbeat";
  fromStatus: string;
  toStatus: string;
}) => alertKindOf(f.subjectKind, { from: f.fromStatus, to: f.toStatus }, false) === "down";
const afterMaintenance = (reason: string | null) =>
  `still down after maintenance ended${reason ? ` (${reason})` : ""}`;

function composeOne(
  { row, lease, items }: ToCompose,
  subject: Subject,
  statusPageUrl: string | null,
  targets: Targets,
  deps: AlertDeps,
  now: Date,
): Composed {
  // Reminders ride along with real flips; alone, a message reminds of the outage's flip.
  const changes = items.filter((p) => p.delivery.reminder === 0);
  const reminder = changes.length === 0 ? items.at(-1) : undefined;
  const notification = buildNotification({
    kind: reminder ? "reminder" : "alert",
    subject,
    channel: row.channel,
    flips: (reminder ? [reminder] : changes).map((p) => ({
      ...p.flip,
      reason: p.heldUntil && isDown(p.flip) ? afterMaintenance(p.flip.reason) : p.flip.reason,
      previousAt: p.previousAt === null ? null : new Date(p.previousAt),
      outageStartedAt: p.outageStartedAt,
    })),
    now,
    baseUrl: deps.baseUrl,
    statusPageUrl,
  });
  if (reminder) notification.deliveryKey += `.reminder-${reminder.delivery.reminder}`;
  const payload = channelStrategies[row.channel.kind].render(notification);
  const blocked = targets.blockedOf(row.channel);
  return {
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
  };
}

async function insertMessages(
  tx: Tx,
  composed: readonly Composed[],
  targets: Targets,
  result: PickResult,
): Promise<void> {
  if (composed.length === 0) return;
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
    if (message.status === "failed") freeLane(result, c.lease, null, "failed");
    else result.works.push({ lease: c.lease, message, channel: targets.targetOf(c.channel) });
  }
}
