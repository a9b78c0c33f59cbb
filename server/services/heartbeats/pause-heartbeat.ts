import { and, eq, sql } from "drizzle-orm";
import { heartbeats, type Heartbeat } from "@/db/schema";
import type { WorkspaceCtx } from "@/server/services/context";
import {
  decidePause,
  decideResume,
  type HeartbeatDecision,
  type HeartbeatPolicy,
  type HeartbeatSnapshot,
} from "@/server/domain/heartbeats/heartbeat-state";
import { getEventBus, type FlipEvent } from "@/server/events/bus";
import { findHeartbeat } from "@/server/services/heartbeats/find-heartbeat";
import { policyOf, snapshotOf } from "@/server/services/heartbeats/heartbeat-policy";
import { recordHeartbeatFlips } from "@/server/services/heartbeats/record-heartbeat-flips";
import { notFound } from "@/server/services/errors";

type Decide = (s: HeartbeatSnapshot, p: HeartbeatPolicy, now: Date) => HeartbeatDecision;

async function transition(
  ctx: WorkspaceCtx,
  heartbeatId: string,
  decide: Decide,
  reason: string,
): Promise<Heartbeat> {
  await findHeartbeat(ctx.db, ctx.workspaceId, heartbeatId);
  const now = ctx.now();
  const result = await ctx.db.transaction(async (tx) => {
    const [hb] = await tx
      .select()
      .from(heartbeats)
      .where(and(eq(heartbeats.id, heartbeatId), eq(heartbeats.workspaceId, ctx.workspaceId)))
      .for("update");
    if (!hb) throw notFound("heartbeat not found");
    const d = decide(snapshotOf(hb), policyOf(hb), now);
    if (!d.flip) return { hb, events: [] as FlipEvent[] };
    const [row] = await tx
      .update(heartbeats)
      .set({
        version: sql`${heartbeats.version} + 1`,
        status: d.status,
        deadline: d.deadline,
        runningSince: d.runningSince,
        runningRid: d.runningRid,
        consecutiveMisses: d.consecutiveMisses,
        alarmAt: d.alarmAt,
        statusChangedAt: now,
        updatedAt: now,
      })
      .where(eq(heartbeats.id, heartbeatId))
      .returning();
    const events = await recordHeartbeatFlips(tx, [
      { heartbeatId, workspaceId: hb.workspaceId, flip: d.flip, reason },
    ]);
    return { hb: row ?? hb, events };
  });
  const bus = getEventBus();
  for (const e of result.events) bus.emit("flip", e);
  bus.emit("heartbeat.changed", {
    workspaceId: ctx.workspaceId,
    heartbeatId,
    alarmAt: result.hb.alarmAt,
  });
  return result.hb;
}

/** Stops watching: no late or missing while paused; pings are still recorded. */
export const pauseHeartbeat = async ({
  ctx,
  input,
}: {
  ctx: WorkspaceCtx;
  input: { heartbeatId: string };
}) => transition(ctx, input.heartbeatId, (s, _p, now) => decidePause(s, now), "paused");

/** Watches again, with a fresh period from now. */
export const resumeHeartbeat = async ({
  ctx,
  input,
}: {
  ctx: WorkspaceCtx;
  input: { heartbeatId: string };
}) => transition(ctx, input.heartbeatId, decideResume, "resumed");
