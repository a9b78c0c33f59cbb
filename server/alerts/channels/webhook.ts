import { createHmac } from "node:crypto";
import type { ChannelStrategy } from "@/server/alerts/channel-kind";
import { textOf, titleOf, webhookBodyOf } from "@/server/alerts/notification";
import { postToReceiver } from "@/server/alerts/post-http";

/** `sha256=<hex>` over the raw body with the channel's secret (X-Vigil-Signature-256). */
export const signBody = (secret: string, body: string) =>
  `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;

export const webhook: ChannelStrategy = {
  render: (n) => ({
    title: titleOf(n),
    text: textOf(n),
    body: JSON.stringify(webhookBodyOf(n)),
    headers: { "x-vigil-delivery": n.deliveryKey },
  }),
  send: (payload, channel, deps) =>
    postToReceiver(channel.settings.url ?? "", {
      headers: {
        ...channel.settings.headers,
        "content-type": "application/json",
        "user-agent": "Vigil-Alerts/1",
        ...payload.headers,
        ...(channel.secret
          ? { "x-vigil-signature-256": signBody(channel.secret, payload.body) }
          : {}),
      },
      body: payload.body,
      timeoutMs: deps.timeoutMs,
      allowPrivateTargets: deps.allowPrivateTargets,
    }),
};
