import { monitors, type Monitor } from "@/db/schema";
import type { PolicyCtx } from "@/server/services/context";
import { getEventBus } from "@/server/events/bus";
import {
  defaultRetryInterval,
  defaultTimeout,
  type MonitorSettings,
} from "@/server/services/monitors/monitor-settings";
import { assertConsistentSettings } from "@/server/services/monitors/assert-consistent-settings";
import { insertSubject } from "@/server/services/subjects/insert-subject";
import { assertionsToConditions } from "@/server/domain/monitors/assertions";
import { assertTargetAllowed } from "@/server/services/workspaces/private-targets";

export type NewMonitorSettings = Omit<MonitorSettings, "retryIntervalSecs" | "timeoutSecs"> & {
  retryIntervalSecs?: number;
  timeoutSecs?: number;
};

/**
 * Creates a monitor in the actor's workspace with the channels it alerts (unset: the workspace's
 * default channels); unless paused, its first check is due at once. A private target the
 * workspace may not check is refused here, as well as at every check.
 */
export async function createMonitor({
  ctx,
  input,
}: {
  ctx: PolicyCtx;
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
  await assertTargetAllowed({ ctx, field: "url", url: settings.url });
  const now = ctx.now();
  const { paused, channelIds, statusPageIds, assertions, ...rest } = settings;
  const monitor = await insertSubject({
    ctx,
    kind: "monitor",
    quota: "monitors",
    channelIds,
    statusPageIds,
    insert: (tx) =>
      tx
        .insert(monitors)
        .values({
          ...rest,
          conditions: assertionsToConditions(assertions ?? []),
          workspaceId: ctx.workspaceId,
          status: paused ? "paused" : "pending",
          statusChangedAt: now,
          nextCheckAt: now,
          createdAt: now,
          updatedAt: now,
        })
        .returning(),
  });
  getEventBus().emit("monitor.changed", {
    workspaceId: ctx.workspaceId,
    monitorId: monitor.id,
    nextCheckAt: paused ? null : monitor.nextCheckAt,
  });
  return monitor;
}
