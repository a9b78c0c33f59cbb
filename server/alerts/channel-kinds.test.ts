import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Channel } from "@/db/schema";
import { channelStrategies } from "@/server/alerts/channel-kinds";
import type { DeliveryDeps } from "@/server/alerts/channel-kind";
import type { Notification } from "@/server/alerts/notification";
import { startReceiver, type TestReceiver } from "@/testing/alerts/start-receiver";

const at = new Date("2026-11-26T10:00:00.000Z");
const notification: Notification = {
  kind: "alert",
  deliveryKey: "f2.c1",
  channel: { id: "c1", name: "ops" },
  subject: {
    kind: "monitor",
    id: "m1",
    name: "Checkout API",
    status: "up",
    dashboardUrl: "https://vigil.example.com/dashboard/monitors/m1",
    statusPageUrl: "https://vigil.example.com/status/acme",
  },
  flips: [
    {
      id: "f1",
      alert: "down",
      from: "up",
      to: "down",
      at: new Date("2026-11-26T09:58:00.000Z"),
      reason: "HTTP 503",
      inOldStateMs: 3 * 3_600_000,
      outageMs: null,
    },
    {
      id: "f2",
      alert: "recovery",
      from: "down",
      to: "up",
      at: new Date("2026-11-26T09:58:45.000Z"),
      reason: null,
      inOldStateMs: 45_000,
      outageMs: 45_000,
    },
  ],
  at,
};

const channel = (kind: Channel["kind"], settings: Channel["settings"]): Channel => ({
  id: "c1",
  workspaceId: "w1",
  name: "ops",
  kind,
  settings,
  secret: null,
  enabled: true,
  isDefault: false,
  consecutiveFailures: 0,
  lastError: null,
  lastDeliveredAt: null,
  createdAt: at,
  updatedAt: at,
});

describe("channel kinds", () => {
  let receiver: TestReceiver;
  let smtp: SMTPServer;
  const mails: string[] = [];
  let deps: DeliveryDeps;

  beforeAll(async () => {
    receiver = await startReceiver();
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onData(stream, _session, callback) {
        let raw = "";
        stream.on("data", (c: Buffer) => (raw += c.toString()));
        stream.on("end", () => {
          mails.push(raw);
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
    const port = (smtp.server.address() as AddressInfo).port;
    deps = {
      allowPrivateTargets: true,
      timeoutMs: 2000,
      smtp: { url: `smtp://127.0.0.1:${port}`, from: "Vigil <vigil@example.com>" },
    };
  });
  afterAll(async () => {
    await receiver.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  const send = async (kind: Channel["kind"], settings: Channel["settings"]) => {
    const strategy = channelStrategies[kind];
    await strategy.send(strategy.render(notification), channel(kind, settings), deps);
  };

  it("posts Slack blocks that name the flips and link to the dashboard and status page", async () => {
    await send("slack", { url: receiver.url("/slack") });
    const body = JSON.parse((await receiver.waitFor("/slack", 1))[0]?.body ?? "{}") as {
      text: string;
      blocks: { text?: { text: string }; elements?: { text: string }[] }[];
    };
    expect(body.text).toBe("Checkout API flipped 2 times, now up");
    expect(body.blocks[1]?.text?.text).toBe(
      "• up → DOWN at Nov 26, 2026, 9:58:00 AM UTC (was up for 3 h): HTTP 503\n• DOWN → up at Nov 26, 2026, 9:58:45 AM UTC (was down for 45 s)",
    );
    expect(body.blocks[2]?.elements?.[0]?.text).toContain(
      "<https://vigil.example.com/status/acme|Status page>",
    );
  });

  it("posts a Discord embed coloured by the news", async () => {
    await send("discord", { url: receiver.url("/discord") });
    const body = JSON.parse((await receiver.waitFor("/discord", 1))[0]?.body ?? "{}") as {
      embeds: { title: string; url: string; color: number; description: string }[];
    };
    expect(body.embeds[0]).toMatchObject({
      title: "Checkout API flipped 2 times, now up",
      url: "https://vigil.example.com/dashboard/monitors/m1",
      color: 0x16a34a,
    });
  });

  it("posts to an ntfy topic with a title, priority, tags and a click-through", async () => {
    await send("ntfy", { url: receiver.url("/ntfy/topic") });
    const [req] = await receiver.waitFor("/ntfy/topic", 1);
    expect(req?.headers).toMatchObject({
      title: "Checkout API flipped 2 times, now up",
      priority: "3",
      tags: "white_check_mark",
      click: "https://vigil.example.com/dashboard/monitors/m1",
    });
    expect(req?.body).toContain("DOWN → up at Nov 26, 2026, 9:58:45 AM UTC (was down for 45 s)");
  });

  it("posts a webhook with the delivery key and custom headers", async () => {
    await send("webhook", {
      url: receiver.url("/webhook"),
      headers: { authorization: "Bearer t0k" },
    });
    const [req] = await receiver.waitFor("/webhook", 1);
    expect(req?.headers).toMatchObject({
      "x-vigil-delivery": "f2.c1",
      authorization: "Bearer t0k",
    });
    expect(JSON.parse(req?.body ?? "{}")).toMatchObject({ flip_ids: ["f1", "f2"], event: "alert" });
  });

  it("sends an email with a plain and an HTML part through SMTP", async () => {
    await send("email", { to: "oncall@example.com" });
    const mail = mails.at(-1) ?? "";
    expect(mail).toContain("Subject: Checkout API flipped 2 times, now up");
    expect(mail).toContain("To: oncall@example.com");
    expect(mail).toContain("Content-Type: text/plain");
    expect(mail).toContain("Content-Type: text/html");
    expect(mail).toContain("X-Vigil-Delivery: f2.c1");
  });

  it("reports the SMTP server's refusal and a missing SMTP configuration", async () => {
    const strategy = channelStrategies.email;
    await expect(
      strategy.send(strategy.render(notification), channel("email", { to: "a@example.com" }), {
        ...deps,
        smtp: undefined,
      }),
    ).rejects.toThrow("email is not configured on this server: set SMTP_URL and MAIL_FROM");
    await expect(
      strategy.send(strategy.render(notification), channel("email", { to: "a@example.com" }), {
        ...deps,
        smtp: { url: "smtp://127.0.0.1:1", from: "v@example.com" },
      }),
    ).rejects.toThrow(/ECONNREFUSED/);
  });

  it("refuses a private address when private targets are not allowed", async () => {
    await expect(
      channelStrategies.webhook.send(
        channelStrategies.webhook.render(notification),
        channel("webhook", { url: receiver.url("/private") }),
        { ...deps, allowPrivateTargets: false },
      ),
    ).rejects.toThrow("Blocked target: 127.0.0.1 is a private address");
    expect(receiver.received("/private")).toHaveLength(0);
  });
});
