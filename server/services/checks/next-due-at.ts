import { and, min, ne, notInArray } from "drizzle-orm";
import { monitors } from "@/db/schema";
import type { ServiceCtx } from "@/server/services/context";

/** When the earliest unpaused monitor is due, or null when none is; `exceptWorkspaces` are left out. */
export async function nextDueAt({
  ctx,
  input = {},
}: {
  ctx: ServiceCtx;
  input?: { exceptWorkspaces?: readonly string[] };
}): Promise<Date | null> {
  const { exceptWorkspaces = [] } = input;
  const [row] = await ctx.db
    .select({ at: min(monitors.nextCheckAt) })
    .from(monitors)
    .where(
      and(
        ne(monitors.status, "paused"),
        exceptWorkspaces.length > 0
          ? notInArray(monitors.workspaceId, [...exceptWorkspaces])
          : undefined,
      ),
    );
  return row?.at ? new Date(row.at) : null;
}
