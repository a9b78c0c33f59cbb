import type { ServiceCtx } from "@/server/services/context";
import { rollUpCheckResults } from "@/server/services/checks/roll-up-check-results";
import { prunePings } from "@/server/services/heartbeats/prune-pings";

/** Hourly housekeeping: check roll-ups and retention, and the last 1,000 pings per heartbeat. */
export async function runUpkeep({
  ctx,
  retentionDays,
}: {
  ctx: ServiceCtx;
  retentionDays: number;
}): Promise<void> {
  await rollUpCheckResults({ ctx, retentionDays });
  await prunePings(ctx.db);
}
