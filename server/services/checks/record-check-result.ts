import { and, eq, sql } from "drizzle-orm";
import { checkResults, monitors, type Monitor } from "@/db/schema";
import type { ServiceCtx } from "@/server/services/context";
import { decideCheck } from "@/server/domain/monitors/monitor-state";
import { getEventBus, type FlipEvent } from "@/server/events/bus";
import { recordMonitorFlip } from "@/server/services/monitors/record-monitor-flip";
import type { HttpCheckResult } from "@/server/checks/http/run-http-check";

export type RecordOutcome = {
  recorded: boolean;
  /** Whether this check itself succeeded (the state may still be down or pending). */
  ok: boolean;
  status: Monitor["status"];
  flip: FlipEvent | null;
  nextCheckAt: Date;
};

/**
 * Records one check in one transaction: the result row, the monitor's new state (compare-and-swap
 * on the old state and the lease), and the flip with its incident. A lost race records nothing.
 * `planned` leaves next_check_at to the Inngest planner.
 */
export async function recordCheckResult({
  ctx,
  monitor,
  leaseToken,
  result,
  scheduling = "self",
}: {
  ctx: ServiceCtx;
  monitor: Monitor;
  leaseToken: string;
  result: HttpCheckResult;
  scheduling?: "self" | "planned";
}): Promise<RecordOutcome> {
  const now = ctx.now();
  const decision = decideCheck(
    monitor,
    monitor,
    { ok: result.status === "up", durationMs: result.durationMs },
    now,
  );
  const outcome = await ctx.db.transaction(async (tx) => {
    const [won] = await tx
      .update(monitors)
      .set({
        status: decision.status,
        consecutiveFailures: decision.consecutiveFailures,
        ...(decision.flip ? { statusChangedAt: now } : {}),
        lastCheckedAt: now,
        lastResponseMs: result.durationMs,
        lastStatusCode: result.statusCode,
        lastError: result.error,
        ...(result.tlsCertExpiresAt ? { tlsCertExpiresAt: result.tlsCertExpiresAt } : {}),
        ...(scheduling === "self"
          ? {
              // From the row's current settings: an edit made while this check ran still applies.
              nextCheckAt: sql`${now.toISOString()}::timestamptz + make_interval(secs => ${
                decision.consecutiveFailures > 0
                  ? monitors.retryIntervalSecs
                  : monitors.intervalSecs
              })`,
              leaseToken: null,
              leaseUntil: null,
            }
          : {}),
      })
      .where(
        and(
          eq(monitors.id, monitor.id),
          eq(monitors.leaseToken, leaseToken),
          eq(monitors.status, monitor.status),
          eq(monitors.consecutiveFailures, monitor.consecutiveFailures),
        ),
      )
      .returning({ nextCheckAt: monitors.nextCheckAt });
    if (!won) return null;
    await tx.insert(checkResults).values({
      monitorId: monitor.id,
      workspaceId: monitor.workspaceId,
      status: result.status,
      statusCode: result.statusCode,
      durationMs: result.durationMs,
      error: result.error,
      errorKind: result.errorKind,
      tlsCertExpiresAt: result.tlsCertExpiresAt,
      checkedAt: now,
    });
    const flip = decision.flip
      ? await recordMonitorFlip(tx, monitor, decision.flip, result.error)
      : null;
    return { flip, nextCheckAt: won.nextCheckAt };
  });
  if (!outcome)
    return {
      recorded: false,
      ok: result.status === "up",
      status: monitor.status,
      flip: null,
      nextCheckAt: monitor.nextCheckAt,
    };
  const bus = getEventBus();
  if (outcome.flip) bus.emit("flip", outcome.flip);
  bus.emit("monitor.changed", {
    workspaceId: monitor.workspaceId,
    monitorId: monitor.id,
    nextCheckAt: outcome.nextCheckAt,
  });
  return {
    recorded: true,
    ok: result.status === "up",
    status: decision.status,
    flip: outcome.flip,
    nextCheckAt: outcome.nextCheckAt,
  };
}
