import { asc, inArray, sql } from "drizzle-orm";
import { heartbeats, pings, type Heartbeat } from "@/db/schema";
import type { DbOrTx } from "@/db/client";
import { decidePing, type PingKind } from "@/server/domain/heartbeats/heartbeat-state";
import { getEventBus, type FlipEvent } from "@/server/events/bus";
import { policyOf, snapshotOf } from "@/server/services/heartbeats/heartbeat-policy";
import {
  recordHeartbeatFlips,
  type PendingFlip,
} from "@/server/services/heartbeats/record-heartbeat-flips";

export type IncomingPing = {
  token: string;
  kind: PingKind;
  exitStatus: number | null;
  rid: string | null;
  body: string | null;
  truncated: boolean;
  sourceIp: string | null;
  userAgent: string | null;
  at: Date;
};

/** `error`: this ping was not recorded (the caller answers 503 so the job retries). */
export type PingOutcome = "ok" | "not_found" | "error";

const ts = (d: Date | null) => (d ? d.toISOString() : null);

function reasonFor(ping: IncomingPing, to: string): string | null {
  if (to === "failed")
    return ping.exitStatus !== null
      ? `the job exited with status ${ping.exitStatus}`
      : "the job reported a failure";
  if (to === "up") return ping.kind === "success" ? "a success ping arrived" : null;
  return null;
}

/**
 * Records a batch of pings in ONE transaction (group commit): the heartbeats are locked in id order,
 * each ping is decided in arrival order, and pings, flips and new states are written in bulk.
 * Callers answer 200 only after this resolves, i.e. after the commit.
 */
export async function recordPings(db: DbOrTx, batch: IncomingPing[]): Promise<PingOutcome[]> {
  if (batch.length === 0) return [];
  const tokens = [...new Set(batch.map((p) => p.token))];
  const { outcomes, events, changed } = await db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(heartbeats)
      .where(inArray(heartbeats.token, tokens))
      .orderBy(asc(heartbeats.id))
      .for("update");
    const byToken = new Map<string, Heartbeat>(rows.map((h) => [h.token, h]));
    const outcomes: PingOutcome[] = [];
    const pingRows: (typeof pings.$inferInsert)[] = [];
    const pendingFlips: PendingFlip[] = [];
    const touched = new Map<
      string,
      { hb: Heartbeat; alarmAt: Date | null; lastDurationMs: number | null }
    >();
    for (const ping of batch) {
      const hb = byToken.get(ping.token);
      if (!hb) {
        outcomes.push("not_found");
        continue;
      }
      const d = decidePing(snapshotOf(hb), policyOf(hb), {
        kind: ping.kind,
        at: ping.at,
        rid: ping.rid,
      });
      const previous = touched.get(hb.id);
      const next: Heartbeat = {
        ...hb,
        status: d.status,
        lastSuccessAt: d.lastSuccessAt,
        deadline: d.deadline,
        runningSince: d.runningSince,
        runningRid: d.runningRid,
        consecutiveMisses: d.consecutiveMisses,
        lastPingedAt: ping.at,
        statusChangedAt: d.flip ? ping.at : hb.statusChangedAt,
        alarmAt: d.alarmAt,
      };
      byToken.set(ping.token, next);
      touched.set(hb.id, {
        hb: next,
        alarmAt: d.alarmAt,
        lastDurationMs: d.durationMs ?? previous?.lastDurationMs ?? hb.lastDurationMs,
      });
      if (d.flip)
        pendingFlips.push({
          heartbeatId: hb.id,
          workspaceId: hb.workspaceId,
          flip: d.flip,
          reason: reasonFor(ping, d.flip.to),
        });
      pingRows.push({
        heartbeatId: hb.id,
        workspaceId: hb.workspaceId,
        pingedAt: ping.at,
        kind: ping.kind,
        exitStatus: ping.exitStatus,
        rid: ping.rid,
        body: ping.body,
        truncated: ping.truncated,
        sourceIp: ping.sourceIp,
        userAgent: ping.userAgent,
        durationMs: d.durationMs,
      });
      outcomes.push("ok");
    }
    if (pingRows.length > 0) await tx.insert(pings).values(pingRows);
    if (touched.size > 0) {
      const values = [...touched.values()].map(
        ({ hb, lastDurationMs }) =>
          sql`(${hb.id}::uuid, ${hb.status}, ${ts(hb.lastSuccessAt)}::timestamptz, ${ts(hb.deadline)}::timestamptz,
               ${ts(hb.runningSince)}::timestamptz, ${hb.runningRid}::uuid, ${hb.consecutiveMisses}::int,
               ${ts(hb.lastPingedAt)}::timestamptz, ${ts(hb.statusChangedAt)}::timestamptz, ${ts(hb.alarmAt)}::timestamptz,
               ${lastDurationMs}::int)`,
      );
      await tx.execute(sql`
        update ${heartbeats} h set version = h.version + 1, status = v.status, last_success_at = v.last_success_at, deadline = v.deadline,
          running_since = v.running_since, running_rid = v.running_rid, consecutive_misses = v.consecutive_misses,
          last_pinged_at = v.last_pinged_at, status_changed_at = v.status_changed_at, alarm_at = v.alarm_at,
          last_duration_ms = v.last_duration_ms
        from (values ${sql.join(values, sql`, `)}) as v(id, status, last_success_at, deadline, running_since, running_rid,
          consecutive_misses, last_pinged_at, status_changed_at, alarm_at, last_duration_ms)
        where h.id = v.id`);
    }
    const events: FlipEvent[] = await recordHeartbeatFlips(tx, pendingFlips);
    return { outcomes, events, changed: [...touched.values()].map((t) => t.hb) };
  });
  const bus = getEventBus();
  for (const event of events) bus.emit("flip", event);
  for (const hb of changed)
    bus.emit("heartbeat.changed", {
      workspaceId: hb.workspaceId,
      heartbeatId: hb.id,
      alarmAt: hb.alarmAt,
    });
  return outcomes;
}
