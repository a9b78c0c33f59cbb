import { and, eq } from "drizzle-orm";
import { statusPageItems, statusPages, type StatusPage } from "@/db/schema";
import type { DbOrTx } from "@/db/client";

/** The workspace's pages that show this subject (not hidden there), in one query. */
export async function listPagesShowing({
  ctx: { db },
  input: subject,
}: {
  ctx: { db: DbOrTx };
  input: { workspaceId: string; kind: "monitor" | "heartbeat"; id: string };
}): Promise<Pick<StatusPage, "id" | "slug" | "visibility">[]> {
  const rows = await db
    .select({
      id: statusPages.id,
      slug: statusPages.slug,
      visibility: statusPages.visibility,
      hidden: statusPageItems.hidden,
    })
    .from(statusPages)
    .leftJoin(
      statusPageItems,
      and(
        eq(statusPageItems.statusPageId, statusPages.id),
        subject.kind === "monitor"
          ? eq(statusPageItems.monitorId, subject.id)
          : eq(statusPageItems.heartbeatId, subject.id),
      ),
    )
    .where(eq(statusPages.workspaceId, subject.workspaceId));
  return rows
    .filter((r) => !r.hidden)
    .map(({ id, slug, visibility }) => ({ id, slug, visibility }));
}
