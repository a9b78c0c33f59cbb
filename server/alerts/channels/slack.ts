import type { ChannelStrategy } from "@/server/alerts/channel-kind";
import { describeFlip, isBadNews, textOf, titleOf } from "@/server/alerts/notification";
import { postToReceiver } from "@/server/alerts/post-http";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Slack incoming webhook: a headline section, one line per flip, and the links as context. */
export const slack: ChannelStrategy = {
  render: (n) => {
    const title = titleOf(n);
    const icon =
      n.kind === "test" ? ":wave:" : isBadNews(n) ? ":red_circle:" : ":large_green_circle:";
    const headline = n.subject ? `<${n.subject.dashboardUrl}|${esc(title)}>` : esc(title);
    const lines = n.subject ? n.flips.map((f) => `• ${esc(describeFlip(f))}`) : [esc(textOf(n))];
    const links = n.subject
      ? [
          `<${n.subject.dashboardUrl}|Open in Vigil>`,
          ...(n.subject.statusPageUrl ? [`<${n.subject.statusPageUrl}|Status page>`] : []),
        ]
      : [];
    const blocks: unknown[] = [
      { type: "section", text: { type: "mrkdwn", text: `${icon} *${headline}*` } },
      { type: "section", text: { type: "mrkdwn", text: lines.join("\n") } },
    ];
    if (links.length > 0)
      blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: links.join("  ·  ") }] });
    return { title, text: textOf(n), body: JSON.stringify({ text: title, blocks }) };
  },
  send: (payload, channel, deps) =>
    postToReceiver(channel.settings.url ?? "", {
      headers: { "content-type": "application/json", "user-agent": "Vigil-Alerts/1" },
      body: payload.body,
      timeoutMs: deps.timeoutMs,
      allowPrivateTargets: deps.allowPrivateTargets,
    }),
};
