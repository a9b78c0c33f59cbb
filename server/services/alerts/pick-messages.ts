import { and, asc, inArray, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { alertLanes, alertMessages, channels, type AlertMessage, type Channel } from "@/db/schema";
import type { ServiceCtx } from "@/server/services/context";
import { nextSendAt } from "@/server/domain/alerts/alert-policy";
import { narrowToConfirmed } from "@/server/services/alerts/email-confirmations";
import type { AlertDeps, LaneLease, Picked } from "@/server/services/alerts/alert-types";
import { LANE_LEASE_MS, releaseLanes } from "@/server/services/alerts/lane-leases";
import {
  freeLane,
  leaseOf,
  type LaneRow,
  type PickResult,
  type Targets,
} from "@/server/services/alerts/lane-pick";
import {
  composeLaneMessages,
  findPendingDeliveries,
  type PendingDelivery,
  type ToCompose,
} from "@/server/services/alerts/compose-lane-messages";
import {
  giveUpBlockedMessages,
  type Blocked,
} from "@/server/services/alerts/give-up-blocked-messages";

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
  return ctx.db.transaction(async (tx): Promise<Picked> => {
    const { mine, skipped } = await lockLeasedLanes(tx, leases, now);
    const result: PickResult = { works: [], settled: [], skipped, releases: [] };
    if (mine.length === 0) return { works: [], settled: [], skipped };
    const openOf = await findOpenMessages(
      tx,
      mine.map((r) => r.lane.id),
    );
    const fresh = mine.filter((r) => !openOf.has(r.lane.id));
    const pending = await findPendingDeliveries(
      tx,
      fresh.map((r) => r.lane.id),
    );
    const targets = await targetsOf(
      tx,
      mine.map((r) => r.channel),
    );
    const { blocked, toCompose } = sortLanes(mine, openOf, pending, targets, now, result);
    result.settled.push(...(await giveUpBlockedMessages(tx, blocked, now)));
    await composeLaneMessages(tx, toCompose, targets, deps, now, result);
    await releaseLanes(tx, result.releases);
    return { works: result.works, settled: result.settled, skipped };
  });
}

/** Locks the leased lanes and extends the leases still ours; the rest are skipped or left alone. */
async function lockLeasedLanes(
  tx: Tx,
  leases: readonly LaneLease[],
  now: Date,
): Promise<{ mine: LaneRow[]; skipped: LaneLease[] }> {
  const tokenOf = new Map(leases.map((l) => [l.id, l.token]));
  // Row locks first: a flip committing into these lanes is then fully visible below.
  const rows = await tx
    .select({ lane: alertLanes, channel: channels })
    .from(alertLanes)
    .innerJoin(channels, sql`${channels.id} = ${alertLanes.channelId}`)
    .where(inArray(alertLanes.id, [...tokenOf.keys()]))
    .orderBy(asc(alertLanes.id))
    .for("update", leases.length === 1 ? { of: alertLanes } : { of: alertLanes, skipLocked: true });
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
  if (mine.length > 0)
    await tx
      .update(alertLanes)
      .set({ leaseUntil: new Date(now.getTime() + LANE_LEASE_MS) })
      .where(
        inArray(
          alertLanes.id,
          mine.map((r) => r.lane.id),
        ),
      );
  return { mine, skipped };
}

/** Each lane's oldest message still sending or retrying. */
async function findOpenMessages(
  tx: Tx,
  laneIds: readonly string[],
): Promise<Map<string, AlertMessage>> {
  const open = await tx
    .selectDistinctOn([alertMessages.laneId])
    .from(alertMessages)
    .where(
      and(
        inArray(alertMessages.laneId, [...laneIds]),
        inArray(alertMessages.status, ["sending", "retrying"]),
      ),
    )
    .orderBy(alertMessages.laneId, asc(alertMessages.createdAt));
  return new Map(open.flatMap((m) => (m.laneId === null ? [] : [[m.laneId, m] as const])));
}

/** An email channel sends only to the addresses that confirmed; with none, nothing at all. */
async function targetsOf(tx: Tx, list: readonly Channel[]): Promise<Targets> {
  const narrowed = await narrowToConfirmed(tx, list);
  const target = (channel: Channel) => narrowed.get(channel.id) ?? { channel, blocked: null };
  return {
    targetOf: (channel) => target(channel).channel,
    blockedOf: (channel) => (channel.enabled ? target(channel).blocked : "the channel is disabled"),
  };
}

/**
 * Decides each lane: resend its open message, give it up (blocked channel), fold its pending flips
 * into a new message, or free it (nothing due yet).
 */
function sortLanes(
  mine: readonly LaneRow[],
  openOf: Map<string, AlertMessage>,
  pending: readonly PendingDelivery[],
  targets: Targets,
  now: Date,
  result: PickResult,
): { blocked: Blocked[]; toCompose: ToCompose[] } {
  const blocked: Blocked[] = [];
  const toCompose: ToCompose[] = [];
  for (const row of mine) {
    const lease = leaseOf(row);
    const message = openOf.get(row.lane.id);
    if (message) {
      const reason = targets.blockedOf(row.channel);
      if (reason !== null) blocked.push({ lease, message, reason });
      else if (message.nextAttemptAt && message.nextAttemptAt > now)
        freeLane(result, lease, message.nextAttemptAt);
      else result.works.push({ lease, message, channel: targets.targetOf(row.channel) });
      continue;
    }
    const items = pending.filter((p) => p.delivery.laneId === row.lane.id);
    const sendAt = nextSendAt(now, row.lane.lastSentAt);
    if (items.length === 0) freeLane(result, lease, null);
    else if (sendAt > now) freeLane(result, lease, sendAt);
    else toCompose.push({ row, lease, items });
  }
  return { blocked, toCompose };
}
