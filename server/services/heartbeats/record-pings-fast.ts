import { inArray, sql } from "drizzle-orm";
import { heartbeats, type Heartbeat } from "@/db/schema";
import type { DbOrTx } from "@/db/client";
import { decidePing } from "@/server/domain/heartbeats/heartbeat-state";
import { getEventBus } from "@/server/events/bus";
import { policyOf, snapshotOf } from "@/server/services/heartbeats/heartbeat-policy";
import {
  recordPings,
  type IncomingPing,
  type PingOutcome,
} from "@/server/services/heartbeats/record-pings";
import { rowsOf } from "@/db/rows-of";
import type { ServiceCtx } from "@/server/services/context";

const ts = (d: Date | null) => (d ? d.toISOString() : null);
const NOTIFY_EVERY_MS = 500;

/**
 * Heartbeat rows by token, kept in memory for the ping path. Correctness never rests on it: every
 * write compares and swaps on the row's version, and a lost swap falls back to the locked path.
 * Local changes (edits, sweeps, deletes) evict their entry through the event bus.
 */
export class HeartbeatCache {
  private readonly byToken = new Map<string, Heartbeat>();
  private readonly tokenById = new Map<string, string>();
  private readonly notifyTimers = new Map<string, NodeJS.Timeout>();
  private readonly unsubscribe: () => void;

  constructor() {
    this.unsubscribe = getEventBus().on("heartbeat.changed", ({ heartbeatId }) =>
      this.evict(heartbeatId),
    );
  }

  get(token: string): Heartbeat | undefined {
    return this.byToken.get(token);
  }

  put(hb: Heartbeat): void {
    this.byToken.set(hb.token, hb);
    this.tokenById.set(hb.id, hb.token);
  }

  evict(heartbeatId: string): void {
    const token = this.tokenById.get(heartbeatId);
    if (token) this.byToken.delete(token);
    this.tokenById.delete(heartbeatId);
  }

  /** Dashboards hear of fast-path pings at most twice a second per heartbeat, always the latest. */
  notifyLater(hb: Heartbeat): void {
    if (this.notifyTimers.has(hb.id)) return;
    this.notifyTimers.set(
      hb.id,
      setTimeout(() => {
        this.notifyTimers.delete(hb.id);
        getEventBus().emit("heartbeat.pinged", { workspaceId: hb.workspaceId, heartbeatId: hb.id });
      }, NOTIFY_EVERY_MS),
    );
  }

  close(): void {
    this.unsubscribe();
    for (const timer of this.notifyTimers.values()) clearTimeout(timer);
  }
}

type Planned = {
  hb: Heartbeat;
  next: Heartbeat;
  rows: { ping: IncomingPing; durationMs: number | null }[];
};

/**
 * The ping path's group commit. Pings that change no state (the common case: an `up` heartbeat
 * pinged on time) are written in ONE autocommitted statement that swaps each heartbeat's version
 * and inserts its pings; anything that flips, or loses a swap to another writer, goes through the
 * locked transaction in recordPings. Every caller's answer follows a commit.
 */
export async function recordPingsFast({
  ctx: { db },
  input: { cache, batch },
}: {
  ctx: ServiceCtx;
  input: { cache: HeartbeatCache; batch: IncomingPing[] };
}): Promise<PingOutcome[]> {
  const missing = [...new Set(batch.map((p) => p.token).filter((t) => !cache.get(t)))];
  if (missing.length > 0)
    for (const hb of await db.select().from(heartbeats).where(inArray(heartbeats.token, missing)))
      cache.put(hb);

  const outcomes: (PingOutcome | undefined)[] = new Array(batch.length);
  const planned = new Map<string, Planned>();
  const slow = new Set<string>();
  for (const [i, ping] of batch.entries()) {
    const hb = cache.get(ping.token);
    if (!hb) {
      outcomes[i] = "not_found";
      continue;
    }
    if (slow.has(ping.token)) continue;
    const plan = planned.get(ping.token) ?? { hb, next: hb, rows: [] };
    const d = decidePing(snapshotOf(plan.next), policyOf(plan.next), {
      kind: ping.kind,
      at: ping.at,
      rid: ping.rid,
    });
    if (d.flip) {
      slow.add(ping.token);
      planned.delete(ping.token);
      continue;
    }
    plan.next = {
      ...plan.next,
      lastSuccessAt: d.lastSuccessAt,
      deadline: d.deadline,
      runningSince: d.runningSince,
      runningRid: d.runningRid,
      consecutiveMisses: d.consecutiveMisses,
      lastPingedAt: ping.at,
      alarmAt: d.alarmAt,
      lastDurationMs: d.durationMs ?? plan.next.lastDurationMs,
      version: plan.hb.version + 1,
    };
    plan.rows.push({ ping, durationMs: d.durationMs });
    planned.set(ping.token, plan);
  }

  const won = planned.size > 0 ? await writeFast(db, [...planned.values()]) : new Set<string>();
  for (const [token, plan] of planned) {
    if (won.has(plan.hb.id)) {
      cache.put(plan.next);
      cache.notifyLater(plan.next);
    } else {
      cache.evict(plan.hb.id);
      slow.add(token);
    }
  }
  // The fast writes are committed: settle them first. Each heartbeat on the slow path then commits on
  // its own, so one failure never turns another ping's committed 200 into a 503 (and a retry).
  const slowIndexes = batch.flatMap((p, i) =>
    outcomes[i] === undefined && slow.has(p.token) ? [i] : [],
  );
  const byToken = new Map<string, number[]>();
  for (const i of slowIndexes) {
    const token = (batch[i] as IncomingPing).token;
    byToken.set(token, [...(byToken.get(token) ?? []), i]);
  }
  for (const indexes of byToken.values()) {
    try {
      const slowOutcomes = await recordPings(
        db,
        indexes.map((i) => batch[i] as IncomingPing),
      );
      indexes.forEach((i, k) => (outcomes[i] = slowOutcomes[k] ?? "error"));
    } catch {
      indexes.forEach((i) => (outcomes[i] = "error"));
    }
  }
  return batch.map((_, i) => outcomes[i] ?? "ok");
}

async function writeFast(db: DbOrTx, plans: Planned[]): Promise<Set<string>> {
  const states = plans.map(({ hb, next }) => ({
    id: hb.id,
    version: hb.version,
    last_success_at: ts(next.lastSuccessAt),
    deadline: ts(next.deadline),
    running_since: ts(next.runningSince),
    running_rid: next.runningRid,
    last_pinged_at: ts(next.lastPingedAt),
    alarm_at: ts(next.alarmAt),
    last_duration_ms: next.lastDurationMs,
  }));
  const rows = plans.flatMap(({ hb, rows }) =>
    rows.map(({ ping, durationMs }) => ({
      heartbeat_id: hb.id,
      workspace_id: hb.workspaceId,
      pinged_at: ping.at.toISOString(),
      kind: ping.kind,
      exit_status: ping.exitStatus,
      rid: ping.rid,
      body: ping.body,
      truncated: ping.truncated,
      source_ip: ping.sourceIp,
      user_agent: ping.userAgent,
      duration_ms: durationMs,
    })),
  );
  const result = await db.execute(sql`
    with s as (
      select * from json_to_recordset(${JSON.stringify(states)}::json) as x(id uuid, version int, last_success_at timestamptz,
        deadline timestamptz, running_since timestamptz, running_rid uuid, last_pinged_at timestamptz, alarm_at timestamptz,
        last_duration_ms int)
    ),
    u as (
      update ${heartbeats} h set version = h.version + 1, last_success_at = s.last_success_at, deadline = s.deadline,
        running_since = s.running_since, running_rid = s.running_rid, last_pinged_at = s.last_pinged_at,
        alarm_at = s.alarm_at, last_duration_ms = s.last_duration_ms
      from s where h.id = s.id and h.version = s.version
      returning h.id
    ),
    i as (
      insert into pings (heartbeat_id, workspace_id, pinged_at, kind, exit_status, rid, body, truncated, source_ip, user_agent, duration_ms)
      select p.heartbeat_id, p.workspace_id, p.pinged_at, p.kind, p.exit_status, p.rid, p.body, p.truncated, p.source_ip,
        p.user_agent, p.duration_ms
      from json_to_recordset(${JSON.stringify(rows)}::json) as p(heartbeat_id uuid, workspace_id uuid, pinged_at timestamptz,
        kind text, exit_status int, rid uuid, body text, truncated boolean, source_ip text, user_agent text, duration_ms int)
      where p.heartbeat_id in (select id from u)
    )
    select id from u`);
  return new Set(rowsOf<{ id: string }>(result).map((r) => r.id));
}
