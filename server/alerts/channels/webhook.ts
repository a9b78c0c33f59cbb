import { createHmac } from "node:crypto";
import type { ChannelStrategy } from "@/server/alerts/channel-kind";
import { textOf, titleOf, webhookBodyOf } from "@/server/alerts/notification";
import { postToReceiver } from "@/server/alerts/post-http";

/** `sha256=<hex>` over the raw body with the channel's secret (X-Vigil-Signature-256). */
const signBody = (secret: string, body: string) =>
  `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;

/**
 * Standard Webhooks headers. The key is the secret's UTF-8 bytes, as for X-Vigil-Signature-256,
 * so a receiver's library takes `"whsec_" + base64(secret)`.
 */
function standardWebhookHeaders(
  secret: string,
  id: string,
  body: string,
  at: Date,
): Record<string, string> {
  const timestamp = String(Math.floor(at.getTime() / 1000));
  const signature = createHmac("sha256", Buffer.from(secret, "utf8"))
    .update(`${id}.${timestamp}.${body}`)
    .digest("base64");
  return {
    "webhook-id": id,
    "webhook-timestamp": timestamp,
    "webhook-signature": `v1,${signature}`,
  };
}

export const webhook: ChannelStrategy = {
  render: (n) => ({
    title: titleOf(n),
    text: textOf(n),
    body: JSON.stringify(webhookBodyOf(n)),
    headers: { "x-vigil-delivery": n.deliveryKey },
  }),
  send: (payload, channel, deps) => {
    const deliveryKey = payload.headers?.["x-vigil-delivery"] ?? "";
    return postToReceiver(channel.settings.url ?? "", {
      headers: {
        ...channel.settings.headers,
        "content-type": "application/json",
        "user-agent": "Vigil-Alerts/1",
        ...payload.headers,
        ...(channel.secret
          ? {
              "x-vigil-signature-256": signBody(channel.secret, payload.body),
              // Signed at each attempt: a receiver refuses timestamps older than a few minutes.
              ...standardWebhookHeaders(channel.secret, deliveryKey, payload.body, new Date()),
            }
          : {}),
      },
      body: payload.body,
      timeoutMs: deps.timeoutMs,
      allowPrivateTargets: deps.allowPrivateTargets,
    });
  },
};
