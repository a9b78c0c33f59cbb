import { maskReceiverUrl } from "@/server/alerts/mask-url";
import { isFailing } from "@/server/services/alerts/manage-channels";
import type { ChannelWithRecipients } from "@/server/services/alerts/email-confirmations";

/** True while an address of the channel has not confirmed: it is sent nothing until it does. */
const isUnconfirmed = (c: Pick<ChannelWithRecipients, "recipients">) =>
  c.recipients?.some((r) => !r.confirmed) ?? false;

/** A channel's health in one word, as the dashboard pill and the REST `status` say it. */
export function channelState(
  c: Pick<ChannelWithRecipients, "enabled" | "consecutiveFailures" | "recipients">,
): "disabled" | "failing" | "unconfirmed" | "working" {
  if (!c.enabled) return "disabled";
  if (isFailing(c)) return "failing";
  return isUnconfirmed(c) ? "unconfirmed" : "working";
}

/** A channel as the dashboard sees it: never its secret, its header values or URL credentials. */
export function channelView(c: ChannelWithRecipients) {
  return {
    id: c.id,
    name: c.name,
    kind: c.kind,
    url: c.kind === "email" ? null : maskReceiverUrl(c.kind, c.settings.url),
    to: c.settings.to ?? null,
    recipients: c.recipients,
    headerNames: Object.keys(c.settings.headers ?? {}),
    enabled: c.enabled,
    isDefault: c.isDefault,
    hasSecret: c.secret !== null,
    failing: isFailing(c),
    unconfirmed: isUnconfirmed(c),
    consecutiveFailures: c.consecutiveFailures,
    lastError: c.lastError,
    lastDeliveredAt: c.lastDeliveredAt,
    createdAt: c.createdAt,
  };
}
export type ChannelView = ReturnType<typeof channelView>;
