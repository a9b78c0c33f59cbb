import { min, ne } from "drizzle-orm";
import { monitors } from "@/db/schema";
import type { DbOrTx } from "@/db/client";

/** When the earliest unpaused monitor is due, or null when none is. */
export async function nextDueAt(db: DbOrTx): Promise<Date | null> {
  const [row] = await db
    .select({ at: min(monitors.nextCheckAt) })
    .from(monitors)
    .where(ne(monitors.status, "paused"));
  return row?.at ? new Date(row.at) : null;
}
