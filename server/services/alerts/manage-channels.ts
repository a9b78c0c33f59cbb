import { and, asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { channels, type Channel } from "@/db/schema";
import type { WorkspaceCtx } from "@/server/services/context";
import { badInput, notFound } from "@/server/services/errors";
import { isUuid } from "@/server/services/ids";
import type { UpdateChannelInput } from "@/server/services/alerts/channel-settings";
import { settingsFor, type ChannelGuard } from "@/server/services/alerts/create-channel";
import { assertTargetAllowed } from "@/server/services/workspaces/private-targets";

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

export const getChannel = ({ ctx, channelId }: { ctx: WorkspaceCtx; channelId: string }) =>
  findChannel(ctx.db, ctx.workspaceId, channelId);

export const listChannels = ({ ctx }: { ctx: WorkspaceCtx }): Promise<Channel[]> =>
  ctx.db
    .select()
    .from(channels)
    .where(eq(channels.workspaceId, ctx.workspaceId))
    .orderBy(asc(channels.name), asc(channels.id));

/** A partial edit; a new secret replaces the old one (it is never shown again either). */
export async function updateChannel({
  ctx,
  channelId,
  input,
  guard,
}: {
  ctx: WorkspaceCtx;
  channelId: string;
  input: UpdateChannelInput;
  guard: ChannelGuard;
}): Promise<Channel> {
  const current = await findChannel(ctx.db, ctx.workspaceId, channelId);
  const touchesSettings = ["url", "to", "headers"].some((k) => k in input);
  const settings = touchesSettings
    ? settingsFor(current.kind, {
        url: input.url !== undefined ? input.url : (current.settings.url ?? null),
        to: input.to !== undefined ? input.to : (current.settings.to ?? null),
        headers: input.headers ?? current.settings.headers,
      })
    : current.settings;
  if (input.url) await assertTargetAllowed({ ctx, guard, field: "url", url: input.url });
  if (input.secret !== undefined && current.kind !== "webhook")
    throw badInput("secret", "secret: only webhook channels are signed");
  const [updated] = await ctx.db
    .update(channels)
    .set({
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
      ...(input.isDefault !== undefined ? { isDefault: input.isDefault } : {}),
      ...(input.secret !== undefined ? { secret: input.secret } : {}),
      settings,
      updatedAt: ctx.now(),
    })
    .where(and(eq(channels.id, channelId), eq(channels.workspaceId, ctx.workspaceId)))
    .returning();
  if (!updated) throw notFound("channel not found");
  return updated;
}

/** Deletes a channel; its links, queue and log go with it. */
export async function deleteChannel({
  ctx,
  channelId,
}: {
  ctx: WorkspaceCtx;
  channelId: string;
}): Promise<void> {
  const deleted = isUuid(channelId)
    ? await ctx.db
        .delete(channels)
        .where(and(eq(channels.id, channelId), eq(channels.workspaceId, ctx.workspaceId)))
        .returning({ id: channels.id })
    : [];
  if (deleted.length === 0) throw notFound("channel not found");
}

/** Failed attempts in a row after which the dashboard flags a channel as failing. */
export const FAILING_AFTER = 3;
export const isFailing = (c: Pick<Channel, "consecutiveFailures">) =>
  c.consecutiveFailures >= FAILING_AFTER;
