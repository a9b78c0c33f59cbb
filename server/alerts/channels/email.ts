import net from "node:net";
import tls from "node:tls";
import nodemailer from "nodemailer";
import type { ChannelStrategy } from "@/server/alerts/channel-kind";
import { describeFlip, isBadNews, textOf, titleOf } from "@/server/alerts/notification";
import { DeliveryError } from "@/server/alerts/post-http";
import { splitRecipients } from "@/server/domain/alerts/recipients";

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

type GetSocket = (
  options: object,
  callback: (
    err: Error | null,
    socket: { connection: net.Socket; secured: boolean } | null,
  ) => void,
) => void;

/** Email: a short subject line, a plain-text part and a small HTML part with the same content. */
export const email: ChannelStrategy = {
  recipients: {
    of: (settings) => splitRecipients(settings.to),
    only: (settings, addresses) => ({ ...settings, to: addresses.join(", ") }),
  },
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
  send: async (payload, channel, deps, signal) => {
    if (!deps.smtp)
      throw new DeliveryError("email is not configured on this server: set SMTP_URL and MAIL_FROM");
    // nodemailer's close() leaves a send in flight running: open the socket here, so the deadline
    // (`signal`) can end the session.
    const sockets: net.Socket[] = [];
    const abort = () => sockets.forEach((s) => s.destroy());
    signal?.addEventListener("abort", abort, { once: true });
    const transport = nodemailer.createTransport(deps.smtp.url, {
      connectionTimeout: deps.timeoutMs,
      greetingTimeout: deps.timeoutMs,
      socketTimeout: deps.timeoutMs,
    });
    (transport as unknown as { getSocket: GetSocket }).getSocket = (options, callback) => {
      const o = options as {
        host?: string;
        port?: number | string;
        secure?: boolean;
        tls?: object;
      };
      const host = o.host ?? "localhost";
      const port = Number(o.port) || (o.secure ? 465 : 587);
      const socket = o.secure
        ? tls.connect({ servername: host, ...o.tls, host, port })
        : net.connect(port, host);
      sockets.push(socket);
      if (signal?.aborted) socket.destroy();
      let done = false;
      const finish = (err: Error | null) => {
        if (done) return;
        done = true;
        socket.setTimeout(0);
        if (err) {
          socket.destroy();
          callback(err, null);
        } else callback(null, { connection: socket, secured: o.secure === true });
      };
      socket.setTimeout(deps.timeoutMs, () => finish(new Error("SMTP connection timeout")));
      socket.once(o.secure ? "secureConnect" : "connect", () => finish(null));
      socket.once("error", (err) => finish(err));
      socket.once("close", () => finish(new Error("SMTP connection closed")));
    };
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
      signal?.removeEventListener("abort", abort);
      transport.close();
    }
  },
};
