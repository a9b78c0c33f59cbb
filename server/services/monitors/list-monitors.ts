import { asc, eq } from "drizzle-orm";
import { monitors, type Monitor } from "@/db/schema";
import type { WorkspaceCtx } from "@/server/services/context";

export async function listMonitors({ ctx }: { ctx: WorkspaceCtx }): Promise<Monitor[]> {
  return ctx.db
    .select()
    .from(monitors)
    .where(eq(monitors.workspaceId, ctx.workspaceId))
    .orderBy(asc(monitors.name), asc(monitors.id));
}
