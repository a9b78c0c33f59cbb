import type { ChannelStrategy } from "@/server/alerts/channel-kind";
import { describeFlip, isBadNews, textOf, titleOf } from "@/server/alerts/notification";
import { postToReceiver } from "@/server/alerts/post-http";

/** HTTP headers are ASCII; ntfy decodes RFC 2047 encoded words for anything else. */
const headerText = (s: string) =>
  /^[\x20-\x7e]*$/.test(s) ? s : `=?UTF-8?B?${Buffer.from(s).toString("base64")}?=`;

/** ntfy: the topic URL gets the lines as the body, the headline as Title, a click-through link. */
export const ntfy: ChannelStrategy = {
  render: (n) => {
    const title = titleOf(n);
    const bad = isBadNews(n);
    const body = n.subject ? n.flips.map((f) => describeFlip(f)).join("\n") : textOf(n);
    return {
      title,
      text: textOf(n),
      body,
      headers: {
        title: headerText(title),
        priority: n.kind === "test" ? "3" : bad ? "4" : "3",
        tags: n.kind === "test" ? "wave" : bad ? "rotating_light" : "white_check_mark",
        ...(n.subject ? { click: n.subject.dashboardUrl } : {}),
      },
    };
  },
  send: (payload, channel, deps) =>
    postToReceiver(channel.settings.url ?? "", {
      headers: {
        "content-type": "text/plain; charset=utf-8",
        "user-agent": "Vigil-Alerts/1",
        ...payload.headers,
      },
      body: payload.body,
      timeoutMs: deps.timeoutMs,
      allowPrivateTargets: deps.allowPrivateTargets,
    }),
};
