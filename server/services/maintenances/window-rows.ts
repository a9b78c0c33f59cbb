import { and, eq, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { heldAlerts, maintenanceWindows } from "@/db/schema";
import type { Window } from "@/server/domain/maintenance/maintenance-window";

/**
 * Writes the row of a window that has started (once: two nodes noticing it write one row).
 * Returns whether this call wrote it.
 */
export async function recordWindowStart(
  db: DbOrTx,
  m: { id: string; workspaceId: string },
  w: Window,
): Promise<boolean> {
  const rows = await db
    .insert(maintenanceWindows)
    .values({
      maintenanceId: m.id,
      workspaceId: m.workspaceId,
      startsAt: w.startsAt,
      endsAt: w.endsAt,
    })
    .onConflictDoNothing()
    .returning({ id: maintenanceWindows.id });
  return rows.length > 0;
}

/**
 * Moves the end of the window that started at `startsAt` (ended early, extended or cancelled),
 * writing its row if it was not yet, and the release of the alerts it holds back with it.
 */
export async function moveWindowEnd(
  db: DbOrTx,
  m: { id: string; workspaceId: string },
  startsAt: Date,
  endsAt: Date,
): Promise<void> {
  await db
    .insert(maintenanceWindows)
    .values({ maintenanceId: m.id, workspaceId: m.workspaceId, startsAt, endsAt })
    .onConflictDoUpdate({
      target: [maintenanceWindows.maintenanceId, maintenanceWindows.startsAt],
      set: { endsAt: sql`excluded.ends_at` },
    });
  await db
    .update(heldAlerts)
    .set({ releaseAt: endsAt })
    .where(and(eq(heldAlerts.maintenanceId, m.id), isNull(heldAlerts.releasedAt)));
}
