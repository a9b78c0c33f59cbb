import type { ServiceCtx } from "@/server/services/context";
import { rollUpCheckResults } from "@/server/services/checks/roll-up-check-results";
import { prunePings } from "@/server/services/heartbeats/prune-pings";
import { pruneAlertLog } from "@/server/services/alerts/prune-alert-log";

/**
 * Hourly housekeeping: check roll-ups and retention, the last 1,000 pings per heartbeat, and the
 * alert log's retention.
 */
export async function runUpkeep({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { retentionDays: number; alertLogRetentionDays: number };
}): Promise<void> {
  await rollUpCheckResults({ ctx, retentionDays: input.retentionDays });
  await prunePings(ctx.db);
  await pruneAlertLog(ctx.db, ctx.now(), input.alertLogRetentionDays);
}
