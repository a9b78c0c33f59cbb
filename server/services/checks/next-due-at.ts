import { and, min, ne, notInArray } from "drizzle-orm";
import { monitors } from "@/db/schema";
import type { DbOrTx } from "@/db/client";

/** When the earliest unpaused monitor is due, or null when none is; `exceptWorkspaces` are left out. */
export async function nextDueAt(
  db: DbOrTx,
  exceptWorkspaces: readonly string[] = [],
): Promise<Date | null> {
  const [row] = await db
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
