import { and, asc, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { rowsOf } from "@/db/rows-of";
import { alertDeliveries, alertLanes, alertMessages, channels } from "@/db/schema";
import type { ServiceCtx } from "@/server/services/context";
import { GIVE_UP_AFTER_MS, nextSendAt, retryDelayMs } from "@/server/domain/alerts/alert-policy";
import type { Attempt, LaneOutcome } from "@/server/services/alerts/alert-types";
import { releaseLanes } from "@/server/services/alerts/lane-leases";
import { getEventBus } from "@/server/events/bus";

type Tried = {
  a: Attempt;
  count: number;
  status: "delivered" | "retrying" | "failed";
  retryAt: Date | null;
};

const ts = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * Records finished sends in one transaction: each message delivered, retrying (15 s doubling) or
 * given up after 24 h; the channels' failure streaks; each lane freed, due again at the end of its
 * folding window if flips are waiting. A single attempt waits for its lane's row lock; a batch
 * skips lanes a committing flip holds and returns them to be recorded one by one.
 */
export async function recordAttempts(
  ctx: ServiceCtx,
  attempts: readonly Attempt[],
): Promise<{ outcomes: Map<string, LaneOutcome>; skipped: Attempt[] }> {
  const { recorded, ...result } = await ctx.db.transaction(async (tx) => {
    const { mine, skipped } = await lockAttemptLanes(tx, attempts);
    const outcomes = new Map<string, LaneOutcome>();
    if (mine.length === 0) return { outcomes, skipped, recorded: [] };
    const rows = await updateMessages(tx, mine.map(judgeAttempt));
    if (rows.length === 0) return { outcomes, skipped, recorded: [] };
    await updateChannelStreaks(tx, rows);
    await freeLanesAfter(tx, rows, outcomes);
    return { outcomes, skipped, recorded: rows };
  });
  const bus = getEventBus();
  for (const r of recorded)
    bus.emit("alert.sent", {
      workspaceId: r.a.message.workspaceId,
      messageId: r.a.message.id,
      channelId: r.a.channel.id,
      channelKind: r.a.channel.kind,
      kind: r.a.message.kind,
      flipIds: r.a.message.flipIds,
      status: r.status,
      attempts: r.count,
      error: r.a.error,
    });
  return result;
}

async function lockAttemptLanes(tx: Tx, attempts: readonly Attempt[]) {
  // Lock the lanes first: once held, a flip queueing into one has committed or waits for us.
  const locked = await tx
    .select({ id: alertLanes.id })
    .from(alertLanes)
    .where(
      inArray(
        alertLanes.id,
        attempts.map((a) => a.lease.id),
      ),
    )
    .orderBy(asc(alertLanes.id))
    .for("update", attempts.length === 1 ? {} : { skipLocked: true });
  const lockedIds = new Set(locked.map((l) => l.id));
  return {
    mine: attempts.filter((a) => lockedIds.has(a.lease.id)),
    skipped: attempts.filter((a) => !lockedIds.has(a.lease.id)),
  };
}

function judgeAttempt(a: Attempt): Tried {
  const count = a.message.attempts + 1;
  const givesUp =
    a.error !== null && a.at.getTime() - a.message.createdAt.getTime() >= GIVE_UP_AFTER_MS;
  const status = a.error === null ? "delivered" : givesUp ? "failed" : "retrying";
  const retryAt = status === "retrying" ? new Date(a.at.getTime() + retryDelayMs(count)) : null;
  return { a, count, status, retryAt };
}

/** Updates the messages; returns the attempts whose update took (see below). */
async function updateMessages(tx: Tx, tried: readonly Tried[]): Promise<Tried[]> {
  // Only while the lane is still under our lease and the message still open: a send that
  // outlived its lease may have been redone (and delivered) by another worker meanwhile.
  const updated = rowsOf<{ id: string }>(
    await tx.execute(sql`
    update ${alertMessages} m set status = v.status, attempts = v.attempts, last_error = v.last_error,
      next_attempt_at = v.next_attempt_at, delivered_at = v.delivered_at
    from (values ${sql.join(
      tried.map(
        (r) =>
          sql`(${r.a.message.id}::uuid, ${r.a.lease.id}::uuid, ${r.a.lease.token}::uuid, ${r.status}, ${r.count}::int,
            ${r.a.error}, ${ts(r.retryAt)}::timestamptz,
            ${r.status === "delivered" ? r.a.at.toISOString() : null}::timestamptz)`,
      ),
      sql`, `,
    )}) as v(id, lane_id, token, status, attempts, last_error, next_attempt_at, delivered_at)
    join ${alertLanes} l on l.id = v.lane_id and l.lease_token = v.token
    where m.id = v.id and m.status in ('sending', 'retrying')
    returning m.id`),
  );
  const updatedIds = new Set(updated.map((u) => u.id));
  return tried.filter((r) => updatedIds.has(r.a.message.id));
}

/** One statement per channel, in id order (two workers never lock two channels crosswise). */
async function updateChannelStreaks(tx: Tx, rows: readonly Tried[]): Promise<void> {
  const channelIds = [...new Set(rows.map((r) => r.a.channel.id))].sort();
  for (const channelId of channelIds) {
    const mineHere = rows.filter((r) => r.a.channel.id === channelId);
    const failures = mineHere.filter((r) => r.a.error !== null);
    const last = mineHere.at(-1);
    if (!last) continue;
    if (failures.length > 0 && last.a.error !== null) {
      await tx
        .update(channels)
        .set({
          consecutiveFailures: sql`${channels.consecutiveFailures} + ${failures.length}`,
          lastError: last.a.error,
        })
        .where(eq(channels.id, channelId));
    } else {
      // Touch the shared channel row only when it changes (a failure streak ends) or once a
      // second, so busy lanes do not queue on its row lock.
      await tx
        .update(channels)
        .set({ consecutiveFailures: 0, lastDeliveredAt: last.a.at })
        .where(
          and(
            eq(channels.id, channelId),
            or(
              sql`${channels.consecutiveFailures} > 0`,
              isNull(channels.lastDeliveredAt),
              lte(channels.lastDeliveredAt, new Date(last.a.at.getTime() - 1000)),
            ),
          ),
        );
    }
  }
}

/** Frees each lane: due at its retry, or (settled) when flips wait, at the folding window's end. */
async function freeLanesAfter(
  tx: Tx,
  rows: readonly Tried[],
  outcomes: Map<string, LaneOutcome>,
): Promise<void> {
  const retrying = rows.filter((r) => r.retryAt !== null);
  await releaseLanes(
    tx,
    retrying.map((r) => ({ lease: r.a.lease, dueAt: r.retryAt })),
  );
  for (const r of retrying) outcomes.set(r.a.lease.id, { sent: "retrying", nextAt: r.retryAt });
  const settled = rows.filter((r) => r.retryAt === null);
  if (settled.length === 0) return;
  // Due again when the folding window ends (delivered) or at once (given up), if flips wait.
  const values = settled.map((r) => {
    const delivered = r.status === "delivered";
    const dueAt = delivered ? nextSendAt(r.a.at, r.a.at) : r.a.at;
    return sql`(${r.a.lease.id}::uuid, ${r.a.lease.token}::uuid, ${dueAt.toISOString()}::timestamptz,
      ${delivered ? r.a.at.toISOString() : null}::timestamptz)`;
  });
  const freed = rowsOf<{ id: string; due_at: Date | string | null }>(
    await tx.execute(sql`
      update ${alertLanes} l set
        due_at = case when exists (select 1 from ${alertDeliveries} d
          where d.lane_id = l.id and d.message_id is null) then v.due_at end,
        last_sent_at = coalesce(v.sent_at, l.last_sent_at), lease_token = null, lease_until = null
      from (values ${sql.join(values, sql`, `)}) as v(id, token, due_at, sent_at)
      where l.id = v.id and l.lease_token = v.token
      returning l.id, l.due_at`),
  );
  const dueOf = new Map(freed.map((f) => [f.id, f.due_at === null ? null : new Date(f.due_at)]));
  for (const r of settled)
    outcomes.set(r.a.lease.id, {
      sent: r.status === "delivered" ? "delivered" : "failed",
      nextAt: dueOf.get(r.a.lease.id) ?? null,
    });
}
