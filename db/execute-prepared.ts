import type { SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { rowsOf } from "@/db/rows-of";

/**
 * Runs a raw statement as a prepared one. Drizzle sends an unnamed statement otherwise, which
 * postgres.js parses and describes before it binds: two round trips where one does. Only for
 * statements whose text is the same on every call (lists as array parameters): each connection
 * keeps every distinct text it prepared. `name` must be unique per text; postgres.js and PGlite
 * ignore it, node-postgres would use it as the statement's name.
 */
export async function executePrepared<T>(db: DbOrTx, name: string, query: SQL): Promise<T[]> {
  // db.execute builds the query without running it (it runs when awaited).
  const built = db.execute(query).getQuery();
  return rowsOf<T>(await db._.session.prepareQuery(built, undefined, name, false).execute());
}
