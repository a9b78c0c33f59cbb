import { alertMessages } from "@/db/schema";
import type { SendingCtx } from "@/server/services/context";
import type { Notification } from "@/server/alerts/notification";
import { channelStrategies } from "@/server/alerts/channel-kinds";
import { deliveryDepsFor } from "@/server/services/alerts/deliver-alerts";
import { workspaceMayTargetPrivate } from "@/server/services/workspaces/private-targets";
import { findChannel } from "@/server/services/alerts/manage-channels";
import { sendWithDeadline } from "@/server/services/alerts/send-with-deadline";
import { narrowToConfirmed } from "@/server/services/alerts/email-confirmations";
import { randomUUID } from "node:crypto";
import { getChannelTestLimiter } from "@/server/services/alerts/channel-test-limiter";

export type TestResult = { delivered: boolean; error: string | null; messageId: string };

/**
 * Sends a test message now (bounded by the timeout) and logs it; the result says what happened.
 * An email channel's test goes to its confirmed addresses only. At most
 * TESTS_PER_CHANNEL_PER_MINUTE per channel, so a test button cannot be turned into a spam cannon.
 */
export async function sendTestNotification({
  ctx,
  input: { channelId },
}: {
  ctx: SendingCtx;
  input: { channelId: string };
}): Promise<TestResult> {
  const channel = await findChannel(ctx.db, ctx.workspaceId, channelId);
  await getChannelTestLimiter().take(channel.id);
  const now = ctx.now();
  const notification: Notification = {
    kind: "test",
    deliveryKey: `test-${randomUUID()}.${channel.id}`,
    channel: { id: channel.id, name: channel.name },
    subject: null,
    flips: [],
    at: now,
  };
  const payload = channelStrategies[channel.kind].render(notification);
  const mayTargetPrivate = await workspaceMayTargetPrivate(
    ctx.db,
    ctx.alerts.privateTargets,
    ctx.workspaceId,
  );
  const target = (await narrowToConfirmed(ctx.db, [channel])).get(channel.id);
  const error =
    target?.blocked ??
    (await sendWithDeadline(
      target?.channel ?? channel,
      payload,
      deliveryDepsFor(ctx.alerts, mayTargetPrivate),
    ));
  const [message] = await ctx.db
    .insert(alertMessages)
    .values({
      workspaceId: ctx.workspaceId,
      channelId: channel.id,
      kind: "test",
      deliveryKey: notification.deliveryKey,
      summary: payload.title,
      payload,
      status: error === null ? "delivered" : "failed",
      attempts: target?.blocked ? 0 : 1,
      lastError: error,
      createdAt: now,
      deliveredAt: error === null ? ctx.now() : null,
    })
    .returning({ id: alertMessages.id });
  if (!message) throw new Error("alert message insert returned no row");
  return { delivered: error === null, error, messageId: message.id };
}
