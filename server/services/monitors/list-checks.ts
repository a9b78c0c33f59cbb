import { and, desc, eq } from "drizzle-orm";
import { checkResults } from "@/db/schema";
import type { WorkspaceCtx } from "@/server/services/context";
import { findMonitor } from "@/server/services/monitors/find-monitor";

/** The monitor's most recent raw check results, newest first, skipping the `offset` newest. */
export async function listChecks({
  ctx,
  input: { monitorId, limit, offset = 0 },
}: {
  ctx: WorkspaceCtx;
  input: { monitorId: string; limit: number; offset?: number };
}) {
  await findMonitor(ctx.db, ctx.workspaceId, monitorId);
  return ctx.db
    .select()
    .from(checkResults)
    .where(
      and(eq(checkResults.monitorId, monitorId), eq(checkResults.workspaceId, ctx.workspaceId)),
    )
    .orderBy(desc(checkResults.checkedAt), desc(checkResults.id))
    .limit(limit)
    .offset(offset);
}
