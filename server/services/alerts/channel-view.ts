import type { Channel } from "@/db/schema";
import { maskReceiverUrl } from "@/server/alerts/mask-url";
import { isFailing } from "@/server/services/alerts/manage-channels";

/** A channel as the dashboard sees it: never its secret, its header values or URL credentials. */
export function channelView(c: Channel) {
  return {
    id: c.id,
    name: c.name,
    kind: c.kind,
    url: c.kind === "email" ? null : maskReceiverUrl(c.kind, c.settings.url),
    to: c.settings.to ?? null,
    headerNames: Object.keys(c.settings.headers ?? {}),
    enabled: c.enabled,
    isDefault: c.isDefault,
    hasSecret: c.secret !== null,
    failing: isFailing(c),
    consecutiveFailures: c.consecutiveFailures,
    lastError: c.lastError,
    lastDeliveredAt: c.lastDeliveredAt,
    createdAt: c.createdAt,
  };
}
export type ChannelView = ReturnType<typeof channelView>;
