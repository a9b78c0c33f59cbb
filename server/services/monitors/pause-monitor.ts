import { and, eq } from "drizzle-orm";
import { monitors, type Monitor } from "@/db/schema";
import type { WorkspaceCtx } from "@/server/services/context";
import {
  decidePause,
  decideResume,
  type MonitorSnapshot,
  type MonitorStatus,
  type Flip,
} from "@/server/domain/monitors/monitor-state";
import { getEventBus, type FlipEvent } from "@/server/events/bus";
import { findMonitor } from "@/server/services/monitors/find-monitor";
import { recordMonitorFlip } from "@/server/services/monitors/record-monitor-flip";
import { ServiceError } from "@/server/services/errors";

type Decide = (
  s: MonitorSnapshot,
  now: Date,
) => MonitorSnapshot & { flip: Flip<MonitorStatus> | null };

async function transition(
  ctx: WorkspaceCtx,
  monitorId: string,
  decide: Decide,
  reason: string,
): Promise<Monitor> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const current = await findMonitor(ctx.db, ctx.workspaceId, monitorId);
    const now = ctx.now();
    const next = decide(current, now);
    if (!next.flip) return current;
    const flip = next.flip;
    const event = await ctx.db.transaction(async (tx): Promise<FlipEvent | null> => {
      // Compare-and-swap on the old state; dropping the lease voids any check in flight.
      const [won] = await tx
        .update(monitors)
        .set({
          status: next.status,
          consecutiveFailures: next.consecutiveFailures,
          statusChangedAt: now,
          nextCheckAt: now,
          leaseToken: null,
          leaseUntil: null,
          updatedAt: now,
        })
        .where(
          and(
            eq(monitors.id, monitorId),
            eq(monitors.workspaceId, ctx.workspaceId),
            eq(monitors.status, current.status),
          ),
        )
        .returning({ id: monitors.id });
      if (!won) return null;
      return recordMonitorFlip(tx, current, flip, reason);
    });
    if (!event) continue;
    const bus = getEventBus();
    bus.emit("flip", event);
    bus.emit("monitor.changed", {
      workspaceId: ctx.workspaceId,
      monitorId,
      nextCheckAt: next.status === "paused" ? null : now,
    });
    return findMonitor(ctx.db, ctx.workspaceId, monitorId);
  }
  throw new ServiceError("CONFLICT", "the monitor changed while pausing or resuming; try again");
}

/** Stops checks; any check in flight is discarded. */
export const pauseMonitor = async ({
  ctx,
  input,
}: {
  ctx: WorkspaceCtx;
  input: { monitorId: string };
}) => transition(ctx, input.monitorId, decidePause, "paused");

/** Starts checking again at once, from pending. */
export const resumeMonitor = async ({
  ctx,
  input,
}: {
  ctx: WorkspaceCtx;
  input: { monitorId: string };
}) => transition(ctx, input.monitorId, decideResume, "resumed");
