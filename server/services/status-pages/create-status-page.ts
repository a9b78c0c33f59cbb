import { statusPages, type StatusPage } from "@/db/schema";
import type { WorkspaceCtx } from "@/server/services/context";
import { badInput, conflict } from "@/server/services/errors";
import { getEventBus } from "@/server/events/bus";
import type { z } from "zod";
import {
  statusPageSettingsShape,
  type createStatusPageInput,
} from "@/server/services/status-pages/status-page-settings";
import { isUniqueViolation } from "@/server/services/status-pages/unique-violation";
import { assertWithinQuota } from "@/server/services/workspaces/assert-within-quota";
import { DEFAULT_QUOTAS } from "@/server/domain/workspaces/quotas";
import { describeIssue } from "@/server/domain/validation/validation-issues";

export type NewStatusPage = z.output<typeof createStatusPageInput>;

export const slugTaken = (slug: string) =>
  conflict(`slug "${slug}" is already taken; choose another`, "slug");

/**
 * A slug is a public address beside Vigil's own routes, so the service keeps this invariant
 * whoever calls it; the adapters' schemas apply the same rule to give their messages.
 */
export function assertUsableSlug(slug: string): void {
  const result = statusPageSettingsShape.slug.safeParse(slug);
  const issue = result.error?.issues[0];
  if (issue) throw badInput("slug", describeIssue({ ...issue, path: ["slug"] }).message);
}

/** Creates a page in the acting workspace; every monitor and heartbeat of it shows at once. */
export async function createStatusPage({
  ctx,
  input: settings,
}: {
  ctx: WorkspaceCtx;
  input: NewStatusPage;
}): Promise<StatusPage> {
  assertUsableSlug(settings.slug);
  const now = ctx.now();
  let page: StatusPage | undefined;
  try {
    page = await ctx.db.transaction(async (tx) => {
      const quotas = ctx.policy?.quotas ?? DEFAULT_QUOTAS;
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
