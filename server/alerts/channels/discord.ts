import type { ChannelStrategy } from "@/server/alerts/channel-kind";
import { describeFlip, isBadNews, textOf, titleOf } from "@/server/alerts/notification";
import { postToReceiver } from "@/server/alerts/post-http";

const RED = 0xdc2626;
const GREEN = 0x16a34a;
const BLUE = 0x2563eb;

/** Discord webhook: one embed, coloured by the news, linking to the subject. */
export const discord: ChannelStrategy = {
  render: (n) => {
    const title = titleOf(n);
    const description = n.subject ? n.flips.map((f) => describeFlip(f)).join("\n") : textOf(n);
    const fields = n.subject?.statusPageUrl
      ? [{ name: "Status page", value: n.subject.statusPageUrl }]
      : [];
    const embed = {
      title: title.slice(0, 256),
      ...(n.subject ? { url: n.subject.dashboardUrl } : {}),
      description: description.slice(0, 4000),
      color: n.kind === "test" ? BLUE : isBadNews(n) ? RED : GREEN,
      timestamp: n.at.toISOString(),
      fields,
      footer: { text: "Vigil" },
    };
    return {
      title,
      text: textOf(n),
      body: JSON.stringify({ username: "Vigil", embeds: [embed], allowed_mentions: { parse: [] } }),
    };
  },
  send: (payload, channel, deps) =>
    postToReceiver(channel.settings.url ?? "", {
      headers: { "content-type": "application/json", "user-agent": "Vigil-Alerts/1" },
      body: payload.body,
      timeoutMs: deps.timeoutMs,
      allowPrivateTargets: deps.allowPrivateTargets,
    }),
};
