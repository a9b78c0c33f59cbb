import { and, eq, inArray } from "drizzle-orm";
import { heartbeats, monitors, statusPageItems } from "@/db/schema";
import type { WorkspaceCtx } from "@/server/services/context";
import { badInput } from "@/server/services/errors";
import { getEventBus } from "@/server/events/bus";
import { findStatusPage } from "@/server/services/status-pages/find-status-page";
import {
  loadPageSubjects,
  type PageSubject,
} from "@/server/services/status-pages/list-page-subjects";
import type { StatusPageItemsInput } from "@/server/services/status-pages/status-page-settings";

/**
 * Replaces the page's overrides (which subjects are hidden, in which order). Subjects not listed
 * go back to the default: shown, after the positioned ones, by name. Returns the page's subjects
 * as they now stand.
 */
export async function setPageSubjects({
  ctx,
  input: { statusPageId, items },
}: {
  ctx: WorkspaceCtx;
  input: { statusPageId: string; items: StatusPageItemsInput };
}): Promise<{ monitors: PageSubject[]; heartbeats: PageSubject[] }> {
  const page = await findStatusPage(ctx.db, ctx.workspaceId, statusPageId);
  const monitorIds = items.filter((i) => i.subjectKind === "monitor").map((i) => i.subjectId);
  const heartbeatIds = items.filter((i) => i.subjectKind === "heartbeat").map((i) => i.subjectId);
  if (
    new Set(monitorIds).size !== monitorIds.length ||
    new Set(heartbeatIds).size !== heartbeatIds.length
  )
    throw badInput("items", "items: each subject may be listed once");
  await ctx.db.transaction(async (tx) => {
    const [ms, hs] = await Promise.all([
      monitorIds.length
        ? tx
            .select({ id: monitors.id })
            .from(monitors)
            .where(
              and(eq(monitors.workspaceId, page.workspaceId), inArray(monitors.id, monitorIds)),
            )
        : [],
      heartbeatIds.length
        ? tx
            .select({ id: heartbeats.id })
            .from(heartbeats)
            .where(
              and(
                eq(heartbeats.workspaceId, page.workspaceId),
                inArray(heartbeats.id, heartbeatIds),
              ),
            )
        : [],
    ]);
    if (ms.length !== monitorIds.length || hs.length !== heartbeatIds.length)
      throw badInput("items", "items: a subject is not a monitor or heartbeat of this workspace");
    await tx.delete(statusPageItems).where(eq(statusPageItems.statusPageId, page.id));
    if (items.length > 0)
      await tx.insert(statusPageItems).values(
        items.map((i) => ({
          statusPageId: page.id,
          subjectKind: i.subjectKind,
          monitorId: i.subjectKind === "monitor" ? i.subjectId : null,
          heartbeatId: i.subjectKind === "heartbeat" ? i.subjectId : null,
          hidden: i.hidden,
          position: i.position,
        })),
      );
  });
  await getEventBus().emitAndWait("status-page.changed", {
    workspaceId: ctx.workspaceId,
    statusPageId: page.id,
    slugs: [page.slug],
  });
  return loadPageSubjects(ctx.db, page);
}
