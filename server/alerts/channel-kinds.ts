import type { ChannelKind } from "@/db/schema";
import type { ChannelStrategy } from "@/server/alerts/channel-kind";
import { webhook } from "@/server/alerts/channels/webhook";
import { slack } from "@/server/alerts/channels/slack";
import { discord } from "@/server/alerts/channels/discord";
import { ntfy } from "@/server/alerts/channels/ntfy";
import { email } from "@/server/alerts/channels/email";

export const channelStrategies: Record<ChannelKind, ChannelStrategy> = {
  webhook,
  slack,
  discord,
  ntfy,
  email,
};
