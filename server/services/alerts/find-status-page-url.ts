import { and, asc, eq, inArray, or } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { statusPageItems, statusPages } from "@/db/schema";
import type { SubjectKind } from "@/db/schema/flips";

type SubjectRef = { kind: SubjectKind; id: string; workspaceId: string };

/**
 * The public status page that shows each subject, if any (its URL goes into the alert): the
 * oldest public page of the subject's workspace that does not hide it. Two queries for a batch.
 */
export async function findStatusPageUrls(
  db: DbOrTx,
  subjects: readonly SubjectRef[],
  baseUrl: string,
): Promise<Map<string, string>> {
  const urls = new Map<string, string>();
  const workspaceIds = [...new Set(subjects.map((s) => s.workspaceId))];
  if (workspaceIds.length === 0) return urls;
  const pages = await db
    .select({ id: statusPages.id, slug: statusPages.slug, workspaceId: statusPages.workspaceId })
    .from(statusPages)
    .where(
      and(inArray(statusPages.workspaceId, workspaceIds), eq(statusPages.visibility, "public")),
    )
    .orderBy(asc(statusPages.createdAt), asc(statusPages.id));
  if (pages.length === 0) return urls;
  const ids = subjects.map((s) => s.id);
  // Every subject is on every page of its workspace unless an item row hides it.
  const hidden = await db
    .select({
      pageId: statusPageItems.statusPageId,
      monitorId: statusPageItems.monitorId,
      heartbeatId: statusPageItems.heartbeatId,
    })
    .from(statusPageItems)
    .where(
      and(
        inArray(
          statusPageItems.statusPageId,
          pages.map((p) => p.id),
        ),
        eq(statusPageItems.hidden, true),
        or(inArray(statusPageItems.monitorId, ids), inArray(statusPageItems.heartbeatId, ids)),
      ),
    );
  const hides = new Set(hidden.map((h) => `${h.pageId}:${h.monitorId ?? h.heartbeatId}`));
  for (const s of subjects) {
    const page = pages.find(
      (p) => p.workspaceId === s.workspaceId && !hides.has(`${p.id}:${s.id}`),
    );
    if (page) urls.set(s.id, `${baseUrl}/status/${page.slug}`);
  }
  return urls;
}
