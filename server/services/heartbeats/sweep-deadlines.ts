import { and, asc, eq, isNotNull, lte, min, sql } from "drizzle-orm";
import { heartbeats, type Heartbeat } from "@/db/schema";
import type { ServiceCtx } from "@/server/services/context";
import { decideAlarm } from "@/server/domain/heartbeats/heartbeat-state";
import { getEventBus } from "@/server/events/bus";
import { policyOf, snapshotOf } from "@/server/services/heartbeats/heartbeat-policy";
import {
  recordHeartbeatFlips,
  type PendingFlip,
} from "@/server/services/heartbeats/record-heartbeat-flips";

const ts = (d: Date | null) => (d ? d.toISOString() : null);

function reasonFor(hb: Heartbeat, to: string): string | null {
  if (to === "late") return "no success ping by the deadline";
  if (to === "missing")
    return hb.status === "running"
      ? "a started run did not finish in time"
      : "no success ping by the deadline plus grace";
  return null;
}

/**
 * Applies every alarm due now (late, missing, a run too long, one more missed deadline): at most
 * `limit` (default 1,000), or only `heartbeatId`'s.
 * Rows are claimed with FOR UPDATE SKIP LOCKED, so sweepers on several nodes never decide one
 * heartbeat twice; a decided alarm moves alarm_at on, so a retry finds nothing left to do.
 */
export async function sweepDeadlines({
  ctx,
  input: options = {},
}: {
  ctx: ServiceCtx;
  input?: { limit?: number; heartbeatId?: string };
}): Promise<number> {
  const now = ctx.now();
  const { events, changed } = await ctx.db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(heartbeats)
      .where(
        and(
          isNotNull(heartbeats.alarmAt),
          lte(heartbeats.alarmAt, now),
          options.heartbeatId ? eq(heartbeats.id, options.heartbeatId) : undefined,
        ),
      )
      .orderBy(asc(heartbeats.alarmAt))
      .limit(options.limit ?? 1000)
      .for("update", { skipLocked: true });
    const pending: PendingFlip[] = [];
    const changed: Heartbeat[] = [];
    for (const hb of due) {
      const d = decideAlarm(snapshotOf(hb), policyOf(hb), now);
      changed.push({
        ...hb,
        status: d.status,
        consecutiveMisses: d.consecutiveMisses,
        runningSince: d.runningSince,
        runningRid: d.runningRid,
        deadline: d.deadline,
        alarmAt: d.alarmAt,
        statusChangedAt: d.flip ? now : hb.statusChangedAt,
      });
      if (d.flip)
        pending.push({
          heartbeatId: hb.id,
          workspaceId: hb.workspaceId,
          flip: d.flip,
          reason: reasonFor(hb, d.flip.to),
        });
    }
    if (changed.length > 0) {
      const values = changed.map(
        (h) =>
          sql`(${h.id}::uuid, ${h.status}, ${h.consecutiveMisses}::int, ${ts(h.runningSince)}::timestamptz, ${h.runningRid}::uuid,
               ${ts(h.deadline)}::timestamptz, ${ts(h.alarmAt)}::timestamptz, ${ts(h.statusChangedAt)}::timestamptz)`,
      );
      await tx.execute(sql`
        update ${heartbeats} h set version = h.version + 1, status = v.status, consecutive_misses = v.consecutive_misses, running_since = v.running_since,
          running_rid = v.running_rid, deadline = v.deadline, alarm_at = v.alarm_at, status_changed_at = v.status_changed_at
        from (values ${sql.join(values, sql`, `)}) as v(id, status, consecutive_misses, running_since, running_rid, deadline,
          alarm_at, status_changed_at)
        where h.id = v.id`);
    }
    return { events: await recordHeartbeatFlips(tx, pending), changed };
  });
  const bus = getEventBus();
  for (const event of events) bus.emit("flip", event);
  for (const hb of changed)
    bus.emit("heartbeat.changed", {
      workspaceId: hb.workspaceId,
      heartbeatId: hb.id,
      alarmAt: hb.alarmAt,
    });
  return changed.length;
}

/** The earliest pending alarm (of one heartbeat, or of all), or null. */
export async function nextAlarmAt({
  ctx,
  input: { heartbeatId } = {},
}: {
  ctx: ServiceCtx;
  input?: { heartbeatId?: string };
}): Promise<Date | null> {
  const [row] = await ctx.db
    .select({ at: min(heartbeats.alarmAt) })
    .from(heartbeats)
    .where(heartbeatId ? eq(heartbeats.id, heartbeatId) : undefined);
  return row?.at ? new Date(row.at) : null;
}
