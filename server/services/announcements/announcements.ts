import { and, count, desc, eq, gt, isNull, or } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { announcements, statusPages, type Announcement } from "@/db/schema";
import type { WorkspaceCtx } from "@/server/services/context";
import { badInput, conflict, notFound } from "@/server/services/errors";
import { isUuid } from "@/server/services/ids";
import { parseInput } from "@/server/services/parse-input";
import {
  ANNOUNCEMENTS_PER_PAGE_MAX,
  ANNOUNCEMENT_MAX,
} from "@/server/domain/incidents/incident-rules";
import { pageContentChanged } from "@/server/services/incidents/page-content";

export const createAnnouncementInput = z.strictObject({
  body: z.string().trim().min(1).max(ANNOUNCEMENT_MAX),
  expiresAt: z.coerce.date().nullable().default(null),
});
export type CreateAnnouncementInput = z.input<typeof createAnnouncementInput>;

/** Still showing at `now`: not expired. */
const current = (now: Date) =>
  or(isNull(announcements.expiresAt), gt(announcements.expiresAt, now));

async function assertOwnPage(ctx: WorkspaceCtx, statusPageId: string): Promise<void> {
  if (!isUuid(statusPageId)) throw notFound("status page not found");
  const [page] = await ctx.db
    .select({ id: statusPages.id })
    .from(statusPages)
    .where(and(eq(statusPages.id, statusPageId), eq(statusPages.workspaceId, ctx.workspaceId)));
  if (!page) throw notFound("status page not found");
}

/** The page's announcements that still show, newest first. */
export const currentAnnouncements = (db: DbOrTx, statusPageId: string, now: Date) =>
  db
    .select()
    .from(announcements)
    .where(and(eq(announcements.statusPageId, statusPageId), current(now)))
    .orderBy(desc(announcements.createdAt), desc(announcements.id));

/** The notices that still show; with `includeExpired` the dashboard's list, the latest 100 of all. */
export async function listAnnouncements({
  ctx,
  input,
}: {
  ctx: WorkspaceCtx;
  input: { statusPageId: string; includeExpired?: boolean };
}): Promise<Announcement[]> {
  await assertOwnPage(ctx, input.statusPageId);
  if (!input.includeExpired) return currentAnnouncements(ctx.db, input.statusPageId, ctx.now());
  return ctx.db
    .select()
    .from(announcements)
    .where(eq(announcements.statusPageId, input.statusPageId))
    .orderBy(desc(announcements.createdAt), desc(announcements.id))
    .limit(100);
}

/** A short page-wide notice, shown until it expires or is deleted. */
export async function createAnnouncement({
  ctx,
  input,
}: {
  ctx: WorkspaceCtx;
  input: { statusPageId: string } & CreateAnnouncementInput;
}): Promise<Announcement> {
  const parsed = parseInput(createAnnouncementInput, {
    body: input.body,
    expiresAt: input.expiresAt,
  });
  const now = ctx.now();
  if (parsed.expiresAt && parsed.expiresAt <= now)
    throw badInput("expires_at", "expires_at: Expiry date must be in the future");
  await assertOwnPage(ctx, input.statusPageId);
  const [shown] = await ctx.db
    .select({ n: count() })
    .from(announcements)
    .where(and(eq(announcements.statusPageId, input.statusPageId), current(now)));
  if ((shown?.n ?? 0) >= ANNOUNCEMENTS_PER_PAGE_MAX)
    throw conflict(
      `A page shows at most ${ANNOUNCEMENTS_PER_PAGE_MAX} announcements; delete one first.`,
    );
  const [row] = await ctx.db
    .insert(announcements)
    .values({
      workspaceId: ctx.workspaceId,
      statusPageId: input.statusPageId,
      body: parsed.body,
      expiresAt: parsed.expiresAt,
      createdAt: now,
    })
    .returning();
  if (!row) throw new Error("announcement insert returned no row");
  pageContentChanged({ workspaceId: ctx.workspaceId, kind: "announcement", id: row.id });
  return row;
}

export async function deleteAnnouncement({
  ctx,
  input,
}: {
  ctx: WorkspaceCtx;
  input: { statusPageId: string; announcementId: string };
}): Promise<void> {
  if (!isUuid(input.announcementId) || !isUuid(input.statusPageId))
    throw notFound("announcement not found");
  const gone = await ctx.db
    .delete(announcements)
    .where(
      and(
        eq(announcements.id, input.announcementId),
        eq(announcements.statusPageId, input.statusPageId),
        eq(announcements.workspaceId, ctx.workspaceId),
      ),
    )
    .returning({ id: announcements.id });
  if (gone.length === 0) throw notFound("announcement not found");
  pageContentChanged({
    workspaceId: ctx.workspaceId,
    kind: "announcement",
    id: input.announcementId,
  });
}
