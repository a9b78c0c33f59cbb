import { randomBytes } from "node:crypto";
import { channels, type Channel, type ChannelSettings } from "@/db/schema";
import type { PolicyCtx } from "@/server/services/context";
import { badInput } from "@/server/services/errors";
import type {
  CreateChannelInput,
  UpdateChannelInput,
} from "@/server/services/alerts/channel-settings";
import { assertTargetAllowed } from "@/server/services/workspaces/private-targets";
import { assertWithinQuota } from "@/server/services/workspaces/assert-within-quota";
import {
  attachRecipients,
  sendConfirmations,
  syncConfirmations,
  type ChannelWithRecipients,
} from "@/server/services/alerts/email-confirmations";

/** A webhook signing secret: 192 random bits. */
const generateWebhookSecret = () => `whsec_${randomBytes(24).toString("base64url")}`;

const KIND_NAMES: Record<Channel["kind"], string> = {
  email: "an email",
  webhook: "a webhook",
  slack: "a Slack",
  discord: "a Discord",
  ntfy: "an ntfy",
};

/** Signing secrets are for webhooks only, on creation and on edit alike. */
export const secretOnlyForWebhooks = (kind: Channel["kind"]) =>
  badInput(
    "secret",
    `secret: Signing secret is only for webhook channels; ${KIND_NAMES[kind]} channel is not signed`,
  );

/** The settings a kind keeps, after checking that the kind's own field is there. */
export function settingsFor(
  kind: Channel["kind"],
  input: Pick<UpdateChannelInput, "url" | "to" | "headers">,
): ChannelSettings {
  const channel = `${KIND_NAMES[kind]} channel`;
  if (kind === "email") {
    if (!input.to) throw badInput("to", "to: Recipient is required for an email channel");
    if (input.url)
      throw badInput(
        "url",
        "url: URL is not used by an email channel, which sends to its Recipient addresses",
      );
    return { to: input.to };
  }
  if (!input.url) throw badInput("url", `url: URL is required for ${channel}`);
  if (input.to)
    throw badInput("to", `to: Recipient is only for email channels; ${channel} sends to its URL`);
  if (input.headers && Object.keys(input.headers).length > 0 && kind !== "webhook")
    throw badInput("headers", `headers: Headers are only for webhook channels, not ${channel}`);
  return kind === "webhook" ? { url: input.url, headers: input.headers ?? {} } : { url: input.url };
}

/**
 * Adds a notification channel to the workspace. A webhook gets a signing secret (the given one or
 * a fresh one), returned here once and never again. Each address of an email channel is mailed a
 * confirmation link after commit (when `ctx.alerts` can send mail) and is sent nothing until it
 * confirms.
 */
export async function createChannel({
  ctx,
  input,
}: {
  ctx: PolicyCtx;
  input: CreateChannelInput;
}): Promise<{
  channel: ChannelWithRecipients;
  secret: string | null;
  confirmations: { email: string; error: string | null }[];
}> {
  const settings = settingsFor(input.kind, input);
  if (settings.url) await assertTargetAllowed({ ctx, field: "url", url: settings.url });
  if (input.secret && input.kind !== "webhook") throw secretOnlyForWebhooks(input.kind);
  const secret = input.kind === "webhook" ? (input.secret ?? generateWebhookSecret()) : null;
  const now = ctx.now();
  const { channel, fresh } = await ctx.db.transaction(async (tx) => {
    await assertWithinQuota(tx, ctx.workspaceId, "channels", ctx.policy.quotas);
    const [row] = await tx
      .insert(channels)
      .values({
        workspaceId: ctx.workspaceId,
        name: input.name,
        kind: input.kind,
        settings,
        secret,
        enabled: input.enabled,
        isDefault: input.isDefault,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error("channel insert returned no row");
    return { channel: row, fresh: await syncConfirmations(tx, row, now) };
  });
  const deps = ctx.alerts;
  const confirmations = deps ? await sendConfirmations({ ctx, channel, fresh, deps }) : [];
  const [withRecipients] = await attachRecipients(ctx.db, [channel]);
  return { channel: withRecipients ?? { ...channel, recipients: null }, secret, confirmations };
}
