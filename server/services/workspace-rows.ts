import { and, eq, type InferSelectModel } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { notFound } from "@/server/services/errors";
import { isUuid } from "@/server/services/ids";

/** A table of workspace-owned rows: monitors, heartbeats, status pages, channels. */
type WorkspaceTable = PgTable & { id: PgColumn; workspaceId: PgColumn };

const ofWorkspace = (table: WorkspaceTable, workspaceId: string, id: string) =>
  and(eq(table.id, id), eq(table.workspaceId, workspaceId));

/** The workspace's row; another workspace's is "`what` not found" like a missing one. */
async function findWorkspaceRow<T extends WorkspaceTable>(
  db: DbOrTx,
  table: T,
  { workspaceId, id, what }: { workspaceId: string; id: string; what: string },
): Promise<InferSelectModel<T>> {
  if (!isUuid(id)) throw notFound(`${what} not found`);
  const [row] = await db
    .select()
    .from(table as WorkspaceTable)
    .where(ofWorkspace(table, workspaceId, id))
    .limit(1);
  if (!row) throw notFound(`${what} not found`);
  return row as InferSelectModel<T>;
}

/** `findWorkspaceRow` of one table, as `find<Entity>(db, workspaceId, id)`. */
export const workspaceRowFinder =
  <T extends WorkspaceTable>(table: T, what: string) =>
  async (db: DbOrTx, workspaceId: string, id: string) =>
    findWorkspaceRow(db, table, { workspaceId, id, what });

/** Deletes the workspace's row (its dependents go by cascade); not found like a missing one. */
export async function deleteWorkspaceRow(
  db: DbOrTx,
  table: WorkspaceTable,
  { workspaceId, id, what }: { workspaceId: string; id: string; what: string },
): Promise<void> {
  const deleted = isUuid(id)
    ? await db
        .delete(table)
        .where(ofWorkspace(table, workspaceId, id))
        .returning({ id: table.id })
    : [];
  if (deleted.length === 0) throw notFound(`${what} not found`);
}
