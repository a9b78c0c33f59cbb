import type { SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";

/**
 * Runs a raw statement as a prepared one. Drizzle sends an unnamed statement otherwise, which
 * postgres.js describes before it binds: two round trips, and a parse and plan every time.
 * Only for statements whose text is the same on every call (lists as array parameters): each
 * connection keeps every distinct text it prepared for as long as it lives.
 */
export async function executePrepared<T>(db: DbOrTx, name: string, query: SQL): Promise<T[]> {
  // db.execute builds the query without running it (it runs when awaited).
  const built = db.execute(query).getQuery();
  const result: unknown = await db._.session.prepareQuery(built, undefined, name, false).execute();
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
