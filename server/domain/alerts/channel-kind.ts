/** Where alerts can go; each kind is one strategy module in server/alerts. */
export const channelKinds = ["email", "webhook", "slack", "discord", "ntfy"] as const;
export type ChannelKind = (typeof channelKinds)[number];
