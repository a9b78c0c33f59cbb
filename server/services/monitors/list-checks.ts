import { and, desc, eq } from "drizzle-orm";
import { checkResults } from "@/db/schema";
import type { WorkspaceCtx } from "@/server/services/context";
import { findMonitor } from "@/server/services/monitors/find-monitor";

/** The monitor's most recent raw check results, newest first. */
export async function listChecks({
  ctx,
  monitorId,
  limit,
}: {
  ctx: WorkspaceCtx;
  monitorId: string;
  limit: number;
}) {
  await findMonitor(ctx.db, ctx.workspaceId, monitorId);
  return ctx.db
    .select()
    .from(checkResults)
    .where(
      and(eq(checkResults.monitorId, monitorId), eq(checkResults.workspaceId, ctx.workspaceId)),
    )
    .orderBy(desc(checkResults.checkedAt))
    .limit(limit);
}
