import { monitors, type Monitor } from "@/db/schema";
import type { WorkspaceCtx } from "@/server/services/context";
import { getEventBus } from "@/server/events/bus";
import {
  defaultRetryInterval,
  defaultTimeout,
  type MonitorSettings,
} from "@/server/services/monitors/monitor-settings";
import { assertConsistentSettings } from "@/server/services/monitors/assert-consistent-settings";

export type NewMonitorSettings = Omit<MonitorSettings, "retryIntervalSecs" | "timeoutSecs"> & {
  retryIntervalSecs?: number;
  timeoutSecs?: number;
};

/** Creates a monitor in the actor's workspace; unless paused, its first check is due at once. */
export async function createMonitor({
  ctx,
  input,
}: {
  ctx: WorkspaceCtx;
  input: NewMonitorSettings;
}): Promise<Monitor> {
  // A given timeout stretches the default retry interval so that a check ends before its retry.
  const retryIntervalSecs =
    input.retryIntervalSecs ??
    Math.min(
      input.intervalSecs,
      Math.max(defaultRetryInterval(input.intervalSecs), (input.timeoutSecs ?? 0) + 1),
    );
  const timeoutSecs = input.timeoutSecs ?? defaultTimeout(retryIntervalSecs);
  const settings = { ...input, retryIntervalSecs, timeoutSecs };
  assertConsistentSettings(settings);
  const now = ctx.now();
  const { paused, ...rest } = settings;
  const [monitor] = await ctx.db
    .insert(monitors)
    .values({
      ...rest,
      workspaceId: ctx.workspaceId,
      status: paused ? "paused" : "pending",
      statusChangedAt: now,
      nextCheckAt: now,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!monitor) throw new Error("monitor insert returned no row");
  getEventBus().emit("monitor.changed", {
    workspaceId: ctx.workspaceId,
    monitorId: monitor.id,
    nextCheckAt: paused ? null : monitor.nextCheckAt,
  });
  return monitor;
}
