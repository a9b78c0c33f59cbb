import { and, eq } from "drizzle-orm";
import { memberships, type StatusPage } from "@/db/schema";
import type { DbOrTx } from "@/db/client";
import {
  findStatusPageById,
  findStatusPageBySlug,
} from "@/server/services/status-pages/find-status-page";
import { looksLikeSlug } from "@/server/domain/status-pages/slug";

export type Viewer = { userId: string } | null;

/** Whether the user is a member of the workspace. */
async function isWorkspaceMember(
  db: DbOrTx,
  userId: string,
  workspaceId: string,
): Promise<boolean> {
  const [row] = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.workspaceId, workspaceId)))
    .limit(1);
  return Boolean(row);
}

/** The page if this viewer may see it: public to anyone, private to signed-in members only. */
async function canView(db: DbOrTx, page: StatusPage, viewer: Viewer): Promise<boolean> {
  if (page.visibility === "public") return true;
  return viewer !== null && (await isWorkspaceMember(db, viewer.userId, page.workspaceId));
}

/**
 * The page at `slug` as this viewer may see it; null when it does not exist or is private to them.
 * The two cases are indistinguishable to callers on purpose.
 */
export async function findVisibleStatusPage(
  db: DbOrTx,
  slug: string,
  viewer: Viewer,
): Promise<StatusPage | null> {
  if (!looksLikeSlug(slug)) return null;
  const page = await findStatusPageBySlug({ ctx: { db }, input: { slug } });
  return page && (await canView(db, page, viewer)) ? page : null;
}

/** Like findVisibleStatusPage, by id (Socket.IO room joins). */
export async function findVisibleStatusPageById({
  ctx: { db },
  input: { statusPageId, viewer },
}: {
  ctx: { db: DbOrTx };
  input: { statusPageId: string; viewer: Viewer };
}): Promise<StatusPage | null> {
  const page = await findStatusPageById({ ctx: { db }, input: { statusPageId } });
  return page && (await canView(db, page, viewer)) ? page : null;
}
