import { statusPages, type StatusPage } from "@/db/schema";
import type { WorkspaceCtx } from "@/server/services/context";
import { conflict } from "@/server/services/errors";
import { getEventBus } from "@/server/events/bus";
import {
  createStatusPageInput,
  type CreateStatusPageInput,
} from "@/server/services/status-pages/status-page-settings";
import { isUniqueViolation } from "@/server/services/status-pages/unique-violation";
import { parseInput } from "@/server/services/parse-input";
import { assertWithinQuota } from "@/server/services/workspaces/assert-within-quota";
import { DEFAULT_QUOTAS, type QuotaLimits } from "@/server/domain/workspaces/quotas";

export const slugTaken = (slug: string) =>
  conflict(`slug "${slug}" is already taken; choose another`, "slug");

/** Creates a page in the acting workspace; every monitor and heartbeat of it shows at once. */
export async function createStatusPage({
  ctx,
  input,
  quotas = DEFAULT_QUOTAS,
}: {
  ctx: WorkspaceCtx;
  input: CreateStatusPageInput;
  /** The instance's default limits; the workspace's own override wins. */
  quotas?: QuotaLimits;
}): Promise<StatusPage> {
  const settings = parseInput(createStatusPageInput, input);
  const now = ctx.now();
  let page: StatusPage | undefined;
  try {
    page = await ctx.db.transaction(async (tx) => {
      await assertWithinQuota(tx, ctx.workspaceId, "statusPages", quotas);
      const [row] = await tx
        .insert(statusPages)
        .values({ ...settings, workspaceId: ctx.workspaceId, createdAt: now, updatedAt: now })
        .returning();
      return row;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw slugTaken(settings.slug);
    throw e;
  }
  if (!page) throw new Error("status page insert returned no row");
  await getEventBus().emitAndWait("status-page.changed", {
    workspaceId: ctx.workspaceId,
    statusPageId: page.id,
    slugs: [page.slug],
  });
  return page;
}
