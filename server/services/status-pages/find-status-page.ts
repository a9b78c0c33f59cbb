import { asc, eq } from "drizzle-orm";
import { statusPages, type StatusPage } from "@/db/schema";
import type { DbOrTx } from "@/db/client";
import type { WorkspaceCtx } from "@/server/services/context";
import { workspaceRowFinder } from "@/server/services/workspace-rows";
import { isUuid } from "@/server/services/ids";

/** The workspace's status page; another workspace's page is "not found" like a missing one. */
export const findStatusPage = workspaceRowFinder(statusPages, "status page");

export const getStatusPage = async ({
  ctx,
  input,
}: {
  ctx: WorkspaceCtx;
  input: { statusPageId: string };
}) => findStatusPage(ctx.db, ctx.workspaceId, input.statusPageId);

/** The acting workspace's pages, newest first. */
export const listStatusPages = async ({ ctx }: { ctx: WorkspaceCtx }) =>
  ctx.db
    .select()
    .from(statusPages)
    .where(eq(statusPages.workspaceId, ctx.workspaceId))
    .orderBy(asc(statusPages.createdAt), asc(statusPages.id))
    .then((rows) => rows.reverse());

/** Any page by its slug, whoever owns it: the public route decides what a visitor may see. */
export async function findStatusPageBySlug({
  ctx: { db },
  input: { slug },
}: {
  ctx: { db: DbOrTx };
  input: { slug: string };
}): Promise<StatusPage | null> {
  const [page] = await db
    .select()
    .from(statusPages)
    .where(eq(statusPages.slug, slug))
    .limit(1)
    .prepare("status_page_by_slug")
    .execute();
  return page ?? null;
}

/** What the public fast path keeps of a page in memory: whose it is and who may see it. */
export type PageMeta = Pick<StatusPage, "id" | "workspaceId" | "slug" | "visibility">;

/** The page at a slug, reduced to what routing a public request needs, or null. */
export async function findPageMeta({
  ctx,
  input,
}: {
  ctx: { db: DbOrTx };
  input: { slug: string };
}): Promise<PageMeta | null> {
  const page = await findStatusPageBySlug({ ctx, input });
  if (!page) return null;
  const { id, workspaceId, slug, visibility } = page;
  return { id, workspaceId, slug, visibility };
}

/** Every page of a workspace (flips there invalidate and reach all of them). */
export const listWorkspaceStatusPages = async ({
  ctx: { db },
  input: { workspaceId },
}: {
  ctx: { db: DbOrTx };
  input: { workspaceId: string };
}) => db.select().from(statusPages).where(eq(statusPages.workspaceId, workspaceId));

/** Any page by its id, whoever owns it (relays decide who may hear about it). */
export async function findStatusPageById({
  ctx: { db },
  input: { statusPageId },
}: {
  ctx: { db: DbOrTx };
  input: { statusPageId: string };
}): Promise<StatusPage | null> {
  if (!isUuid(statusPageId)) return null;
  const [page] = await db
    .select()
    .from(statusPages)
    .where(eq(statusPages.id, statusPageId))
    .limit(1);
  return page ?? null;
}
