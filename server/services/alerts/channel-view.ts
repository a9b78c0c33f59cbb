import type { Channel } from "@/db/schema";
import { isFailing } from "@/server/services/alerts/manage-channels";

/** A channel as the dashboard sees it: never its secret or its header values. */
export function channelView(c: Channel) {
  return {
    id: c.id,
    name: c.name,
    kind: c.kind,
    url:
      c.kind === "email"
        ? null
        : (c.settings.url?.replace(/(\/\/[^:/@]*:)[^@/]*@/, "$1***@") ?? null),
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
