import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AlertPayload, Channel } from "@/db/schema";
import { sendWithDeadline } from "@/server/services/alerts/send-with-deadline";

describe("sendWithDeadline", () => {
  // An SMTP server that greets, then answers EHLO with continuation lines forever: always busy,
  // so no socket timeout fires and only the deadline can end the session.
  let server: net.Server;
  let closed: Promise<void>;
  const timers: NodeJS.Timeout[] = [];
  const sockets: net.Socket[] = [];
  beforeAll(async () => {
    let onClose = () => {};
    closed = new Promise<void>((resolve) => (onClose = resolve));
    server = net.createServer((socket) => {
      sockets.push(socket);
      socket.write("220 slow.example.com ESMTP\r\n");
      socket.once("data", () => {
        timers.push(setInterval(() => socket.write("250-still thinking\r\n"), 100));
      });
      socket.on("error", () => {});
      socket.on("close", onClose);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  });
  afterAll(async () => {
    timers.forEach(clearInterval);
    sockets.forEach((s) => s.destroy());
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it("ends the SMTP session when the deadline passes, not just the wait", async () => {
    const port = (server.address() as AddressInfo).port;
    const channel = { kind: "email", settings: { to: "ops@example.com" } } as Channel;
    const payload: AlertPayload = {
      title: "t",
      text: "t",
      body: "t",
      html: "<p>t</p>",
      headers: {},
    };
    const error = await sendWithDeadline(channel, payload, {
      allowPrivateTargets: true,
      timeoutMs: 300,
      smtp: { url: `smtp://127.0.0.1:${port}`, from: "v@example.com" },
    });
    expect(error).toBe("no answer within 2300 ms");
    const gone = await Promise.race([
      closed.then(() => true),
      new Promise((r) => setTimeout(() => r(false), 1000)),
    ]);
    expect(gone).toBe(true);
  });
});
