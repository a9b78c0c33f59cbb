import { and, asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { channels, type Channel } from "@/db/schema";
import type { PolicyCtx, WorkspaceCtx } from "@/server/services/context";
import { notFound } from "@/server/services/errors";
import { isUuid } from "@/server/services/ids";
import type { UpdateChannelInput } from "@/server/services/alerts/channel-settings";
import { secretOnlyForWebhooks, settingsFor } from "@/server/services/alerts/create-channel";
import { assertTargetAllowed } from "@/server/services/workspaces/private-targets";
import {
  attachRecipients,
  sendConfirmations,
  syncConfirmations,
  type ChannelWithRecipients,
} from "@/server/services/alerts/email-confirmations";
import { deleteWorkspaceRow } from "@/server/services/workspace-rows";

/** The workspace's channel; another workspace's is "not found" like a missing one. */
export async function findChannel(
  db: DbOrTx,
  workspaceId: string,
  channelId: string,
): Promise<Channel> {
  if (!isUuid(channelId)) throw notFound("channel not found");
  const [channel] = await db
    .select()
    .from(channels)
    .where(and(eq(channels.id, channelId), eq(channels.workspaceId, workspaceId)));
  if (!channel) throw notFound("channel not found");
  return channel;
}

export async function getChannel({
  ctx,
  input: { channelId },
}: {
  ctx: WorkspaceCtx;
  input: { channelId: string };
}): Promise<ChannelWithRecipients> {
  const [channel] = await attachRecipients(ctx.db, [
    await findChannel(ctx.db, ctx.workspaceId, channelId),
  ]);
  if (!channel) throw notFound("channel not found");
  return channel;
}

export async function listChannels({
  ctx,
}: {
  ctx: WorkspaceCtx;
}): Promise<ChannelWithRecipients[]> {
  const list = await ctx.db
    .select()
    .from(channels)
    .where(eq(channels.workspaceId, ctx.workspaceId))
    .orderBy(asc(channels.name), asc(channels.id));
  return attachRecipients(ctx.db, list);
}

/**
 * A partial edit; a new secret replaces the old one (it is never shown again either). An address
 * added to an email channel is mailed a confirmation link after commit; a removed one is forgotten.
 */
export async function updateChannel({
  ctx,
  input: { channelId, changes: input },
}: {
  ctx: PolicyCtx;
  input: { channelId: string; changes: UpdateChannelInput };
}): Promise<ChannelWithRecipients> {
  const current = await findChannel(ctx.db, ctx.workspaceId, channelId);
  const touchesSettings = ["url", "to", "headers"].some((k) => k in input);
  const settings = touchesSettings
    ? settingsFor(current.kind, {
        url: input.url !== undefined ? input.url : (current.settings.url ?? null),
        to: input.to !== undefined ? input.to : (current.settings.to ?? null),
        headers: input.headers ?? current.settings.headers,
      })
    : current.settings;
  if (input.url) await assertTargetAllowed({ ctx, field: "url", url: input.url });
  if (input.secret !== undefined && current.kind !== "webhook")
    throw secretOnlyForWebhooks(current.kind);
  const now = ctx.now();
  const { updated, fresh } = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(channels)
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
        ...(input.isDefault !== undefined ? { isDefault: input.isDefault } : {}),
        ...(input.secret !== undefined ? { secret: input.secret } : {}),
        settings,
        updatedAt: now,
      })
      .where(and(eq(channels.id, channelId), eq(channels.workspaceId, ctx.workspaceId)))
      .returning();
    if (!row) throw notFound("channel not found");
    return { updated: row, fresh: touchesSettings ? await syncConfirmations(tx, row, now) : [] };
  });
  if (ctx.alerts) await sendConfirmations({ ctx, channel: updated, fresh, deps: ctx.alerts });
  const [withRecipients] = await attachRecipients(ctx.db, [updated]);
  return withRecipients ?? { ...updated, recipients: null };
}

/** Deletes a channel; its links, queue and log go with it. */
export async function deleteChannel({
  ctx,
  input: { channelId },
}: {
  ctx: WorkspaceCtx;
  input: { channelId: string };
}): Promise<void> {
  await deleteWorkspaceRow(ctx.db, channels, {
    workspaceId: ctx.workspaceId,
    id: channelId,
    what: "channel",
  });
}

/** Failed attempts in a row after which the dashboard flags a channel as failing. */
const FAILING_AFTER = 3;
export const isFailing = (c: Pick<Channel, "consecutiveFailures">) =>
  c.consecutiveFailures >= FAILING_AFTER;
