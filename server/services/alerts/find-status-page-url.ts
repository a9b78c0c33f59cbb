import { and, asc, eq, notExists } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { statusPageItems, statusPages } from "@/db/schema";
import type { SubjectKind } from "@/db/schema/flips";

/** The public status page that shows this subject, if any (its URL goes into the alert). */
export async function findStatusPageUrl(
  db: DbOrTx,
  subject: { kind: SubjectKind; id: string; workspaceId: string },
  baseUrl: string,
): Promise<string | null> {
  const column =
    subject.kind === "monitor" ? statusPageItems.monitorId : statusPageItems.heartbeatId;
  const [page] = await db
    .select({ slug: statusPages.slug })
    .from(statusPages)
    .where(
      and(
        eq(statusPages.workspaceId, subject.workspaceId),
        eq(statusPages.visibility, "public"),
        // Every subject is on every page of its workspace unless an item row hides it.
        notExists(
          db
            .select({ id: statusPageItems.id })
            .from(statusPageItems)
            .where(
              and(
                eq(statusPageItems.statusPageId, statusPages.id),
                eq(column, subject.id),
                eq(statusPageItems.hidden, true),
              ),
            ),
        ),
      ),
    )
    .orderBy(asc(statusPages.createdAt))
    .limit(1);
  return page ? `${baseUrl}/status/${page.slug}` : null;
}
