import nodemailer from "nodemailer";
import type { ChannelStrategy } from "@/server/alerts/channel-kind";
import { describeFlip, isBadNews, textOf, titleOf } from "@/server/alerts/notification";
import { DeliveryError } from "@/server/alerts/post-http";

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Email: a short subject line, a plain-text part and a small HTML part with the same content. */
export const email: ChannelStrategy = {
  render: (n) => {
    const title = titleOf(n);
    const colour = n.kind === "test" ? "#2563eb" : isBadNews(n) ? "#dc2626" : "#16a34a";
    const items = n.subject
      ? n.flips.map((f) => `<li>${esc(describeFlip(f))}</li>`).join("")
      : `<li>${esc(textOf(n))}</li>`;
    const links = n.subject
      ? `<p><a href="${esc(n.subject.dashboardUrl)}">Open in Vigil</a>${
          n.subject.statusPageUrl
            ? ` · <a href="${esc(n.subject.statusPageUrl)}">Status page</a>`
            : ""
        }</p>`
      : "";
    const html = `<div style="font-family:system-ui,sans-serif;font-size:14px;line-height:1.5"><h2 style="margin:0 0 8px;font-size:16px;color:${colour}">${esc(title)}</h2><ul style="padding-left:18px;margin:0 0 8px">${items}</ul>${links}<p style="color:#6b7280;font-size:12px">Sent by Vigil</p></div>`;
    return {
      title,
      text: textOf(n),
      body: textOf(n),
      html,
      headers: { "X-Vigil-Delivery": n.deliveryKey },
    };
  },
  send: async (payload, channel, deps) => {
    if (!deps.smtp)
      throw new DeliveryError("email is not configured on this server: set SMTP_URL and MAIL_FROM");
    const transport = nodemailer.createTransport(deps.smtp.url, {
      connectionTimeout: deps.timeoutMs,
      greetingTimeout: deps.timeoutMs,
      socketTimeout: deps.timeoutMs,
    });
    try {
      await transport.sendMail({
        from: deps.smtp.from,
        to: channel.settings.to ?? "",
        subject: payload.title,
        text: payload.body,
        html: payload.html,
        headers: payload.headers,
      });
    } catch (err) {
      const e = err as { responseCode?: number; response?: string; message?: string };
      throw new DeliveryError(
        e.response
          ? `SMTP ${e.responseCode ?? ""}: ${e.response}`.trim()
          : (e.message ?? "SMTP failed"),
      );
    } finally {
      transport.close();
    }
  },
};
