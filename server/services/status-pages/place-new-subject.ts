import { eq } from "drizzle-orm";
import { statusPageItems, statusPages } from "@/db/schema";
import type { Tx } from "@/db/client";
import { badInput } from "@/server/services/errors";

/**
 * Decides which pages of its workspace a monitor or heartbeat just created shows on, inside its
 * create transaction: the pages in `statusPageIds` when given, else every page that adds new
 * subjects automatically. Every other page gets a hidden row, so nothing is published by surprise.
 */
export async function placeNewSubject(
  tx: Tx,
  {
    workspaceId,
    kind,
    id,
    statusPageIds,
  }: {
    workspaceId: string;
    kind: "monitor" | "heartbeat";
    id: string;
    statusPageIds: readonly string[] | undefined;
  },
): Promise<void> {
  const pages = await tx
    .select({ id: statusPages.id, autoAddSubjects: statusPages.autoAddSubjects })
    .from(statusPages)
    .where(eq(statusPages.workspaceId, workspaceId));
  const chosen = statusPageIds ? new Set(statusPageIds) : null;
  if (chosen) {
    const known = new Set(pages.map((p) => p.id));
    const unknown = [...chosen].find((pageId) => !known.has(pageId));
    if (unknown) throw badInput("status_page_ids", `status_page_ids: no status page ${unknown}`);
  }
  const hiddenOn = pages.filter((p) => (chosen ? !chosen.has(p.id) : !p.autoAddSubjects));
  if (hiddenOn.length === 0) return;
  await tx.insert(statusPageItems).values(
    hiddenOn.map((p) => ({
      statusPageId: p.id,
      subjectKind: kind,
      monitorId: kind === "monitor" ? id : null,
      heartbeatId: kind === "heartbeat" ? id : null,
      hidden: true,
    })),
  );
}
