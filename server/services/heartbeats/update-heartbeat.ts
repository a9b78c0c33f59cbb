import { and, eq, sql } from "drizzle-orm";
import { heartbeats, type Heartbeat } from "@/db/schema";
import type { WorkspaceCtx } from "@/server/services/context";
import { alarmFor } from "@/server/domain/heartbeats/heartbeat-state";
import { nextDeadline } from "@/server/domain/heartbeats/heartbeat-schedule";
import { getEventBus } from "@/server/events/bus";
import { checkSchedule } from "@/server/services/heartbeats/check-schedule";
import { findHeartbeat } from "@/server/services/heartbeats/find-heartbeat";
import { policyOf, snapshotOf } from "@/server/services/heartbeats/heartbeat-policy";
import { pauseHeartbeat, resumeHeartbeat } from "@/server/services/heartbeats/pause-heartbeat";
import type { HeartbeatSettings } from "@/server/services/heartbeats/heartbeat-settings";
import { notFound } from "@/server/services/errors";
import { recordHeartbeatFlips } from "@/server/services/heartbeats/record-heartbeat-flips";
import { assertChannelsOf, setSubjectChannels } from "@/server/services/alerts/subject-channels";
import { pausedFromStatus, type SettableStatus } from "@/server/services/paused-from-status";

export type HeartbeatChanges = Partial<HeartbeatSettings> & { status?: SettableStatus };

/**
 * Applies a partial edit under the row lock (a ping cannot interleave). A new schedule or grace
 * moves the deadline and the alarm at once; `paused` (or `status: "paused" | "active"`) pauses or
 * resumes with its flip.
 */
export async function updateHeartbeat({
  ctx,
  input: { heartbeatId, changes: input },
}: {
  ctx: WorkspaceCtx;
  input: { heartbeatId: string; changes: HeartbeatChanges };
}): Promise<Heartbeat> {
  const { paused: pausedFlag, status, channelIds, ...changes } = input;
  const paused = pausedFromStatus(pausedFlag, status);
  await findHeartbeat(ctx.db, ctx.workspaceId, heartbeatId);
  // Unknown channels are a 400 before anything changes; the links are set with the rest of the
  // edit once it has passed its checks, so a 400 leaves no half-applied edit.
  if (channelIds !== undefined) await assertChannelsOf(ctx.db, ctx.workspaceId, channelIds);
  const subject = { kind: "heartbeat" as const, id: heartbeatId, workspaceId: ctx.workspaceId };
  if (channelIds !== undefined && Object.keys(changes).length === 0)
    await setSubjectChannels(ctx.db, subject, channelIds);
  if (Object.keys(changes).length > 0) {
    const updated = await ctx.db.transaction(async (tx) => {
      const [current] = await tx
        .select()
        .from(heartbeats)
        .where(and(eq(heartbeats.id, heartbeatId), eq(heartbeats.workspaceId, ctx.workspaceId)))
        .for("update");
      if (!current) throw notFound("heartbeat not found");
      // Setting one kind of schedule clears the other.
      const schedule =
        changes.intervalSecs != null
          ? { schedule: null }
          : changes.schedule != null
            ? { intervalSecs: null }
            : {};
      const next: Heartbeat = { ...current, ...changes, ...schedule };
      checkSchedule(next);
      if (channelIds !== undefined) await setSubjectChannels(tx, subject, channelIds);
      // While missing, the stored deadline is the last one already counted as a miss: keep it.
      const rescheduled = ["intervalSecs", "schedule", "tz"].some((k) => k in changes);
      const deadline =
        rescheduled && next.lastSuccessAt && next.status !== "missing" && next.status !== "paused"
          ? nextDeadline(policyOf(next), next.lastSuccessAt)
          : next.deadline;
      // A late heartbeat whose new deadline lies ahead is on time again.
      const now = ctx.now();
      const backOnTime = next.status === "late" && deadline !== null && deadline > now;
      const status = backOnTime ? "up" : next.status;
      const alarmAt = alarmFor({ ...snapshotOf(next), status, deadline }, policyOf(next));
      const [row] = await tx
        .update(heartbeats)
        .set({
          version: sql`${heartbeats.version} + 1`,
          ...changes,
          ...schedule,
          deadline,
          alarmAt,
          ...(backOnTime ? { status, statusChangedAt: now } : {}),
          updatedAt: now,
        })
        .where(eq(heartbeats.id, heartbeatId))
        .returning();
      const flipEvents = backOnTime
        ? await recordHeartbeatFlips(tx, [
            {
              heartbeatId,
              workspaceId: current.workspaceId,
              flip: { from: "late", to: "up", at: now },
              reason: "the schedule changed",
            },
          ])
        : [];
      return { row, flipEvents };
    });
    const bus = getEventBus();
    for (const event of updated.flipEvents) bus.emit("flip", event);
    if (updated.row)
      bus.emit("heartbeat.changed", {
        workspaceId: ctx.workspaceId,
        heartbeatId,
        alarmAt: updated.row.alarmAt,
      });
  }
  if (paused === true) return pauseHeartbeat({ ctx, input: { heartbeatId } });
  if (paused === false) return resumeHeartbeat({ ctx, input: { heartbeatId } });
  return findHeartbeat(ctx.db, ctx.workspaceId, heartbeatId);
}
