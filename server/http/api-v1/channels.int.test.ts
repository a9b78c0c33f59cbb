import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDbKind, type TestDatabase } from "@/db/testing/test-database";
import { makeUser } from "@/db/testing/factories";
import { setRuntime } from "@/server/runtime";
import { createApiKey } from "@/server/services/api-keys/create-api-key";
import { systemClock } from "@/server/services/context";
import { startReceiver, type TestReceiver } from "@/testing/alerts/start-receiver";
import * as channelsRoute from "@/app/api/v1/channels/route";
import * as channelRoute from "@/app/api/v1/channels/[id]/route";
import * as testRoute from "@/app/api/v1/channels/[id]/test/route";
import * as messagesRoute from "@/app/api/v1/channels/[id]/messages/route";
import * as monitorsRoute from "@/app/api/v1/monitors/route";
import * as monitorRoute from "@/app/api/v1/monitors/[id]/route";
import * as heartbeatsRoute from "@/app/api/v1/heartbeats/route";
import { expectDocumented } from "@/server/http/api-v1/testing/expect-documented";
import { installTestRuntime } from "@/testing/runtime/test-runtime";

type Handler = (
  req: Request,
  ctx: { params: Promise<Record<string, string>> },
) => Promise<Response>;
type Json = Record<string, unknown>;

// The calls below name handlers, not always paths: each handler's documented path.
const templates = new Map<unknown, string>(
  (
    [
      [channelsRoute, "/channels"],
      [channelRoute, "/channels/{id}"],
      [testRoute, "/channels/{id}/test"],
      [messagesRoute, "/channels/{id}/messages"],
      [monitorsRoute, "/monitors"],
      [monitorRoute, "/monitors/{id}"],
      [heartbeatsRoute, "/heartbeats"],
    ] as const
  ).flatMap(([route, template]) => Object.values(route).map((h) => [h, template] as const)),
);

describe(`REST API v1 channels on ${testDbKind()}`, () => {
  let database: TestDatabase;
  let receiver: TestReceiver;
  beforeAll(async () => {
    database = await createTestDatabase();
    receiver = await startReceiver();
    installTestRuntime(database, { VIGIL_ALLOW_PRIVATE_TARGETS: "true" });
  });
  afterAll(async () => {
    setRuntime(undefined);
    await receiver.close();
    await database.drop();
  });

  async function apiUser() {
    const { email } = await makeUser(database.db);
    const { key } = await createApiKey({
      ctx: { db: database.db, now: systemClock },
      input: { email },
    });
    const call = async (
      handler: Handler,
      method: string,
      path: string,
      body?: unknown,
      params: Record<string, string> = {},
    ) => {
      const res = await handler(
        new Request(`http://vigil.test${path}`, {
          method,
          headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
          body:
            body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
        }),
        { params: Promise.resolve(params) },
      );
      const template = templates.get(handler) ?? path;
      await expectDocumented(method, template.replace("{id}", params.id ?? "x"), res);
      const text = await res.text();
      return { status: res.status, json: (text ? JSON.parse(text) : null) as Json };
    };
    return { call };
  }

  const hook = (path = "/hook") => ({ name: "ops", kind: "webhook", url: receiver.url(path) });

  it("creates a webhook channel (201) showing its secret once, never again", async () => {
    const { call } = await apiUser();
    const created = await call(channelsRoute.POST, "POST", "/api/v1/channels", {
      ...hook(),
      is_default: true,
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      name: "ops",
      kind: "webhook",
      url: receiver.url("/hook"),
      to: null,
      enabled: true,
      is_default: true,
      has_secret: true,
    });
    expect(created.json.secret).toMatch(/^whsec_/);
    const id = created.json.id as string;
    const got = await call(channelRoute.GET, "GET", `/api/v1/channels/${id}`, undefined, { id });
    expect(got.json).not.toHaveProperty("secret");
    expect(JSON.stringify(got.json)).not.toContain(created.json.secret as string);
    const list = await call(channelsRoute.GET, "GET", "/api/v1/channels");
    expect(list.json.channels).toHaveLength(1);
    expect(JSON.stringify(list.json)).not.toContain(created.json.secret as string);
    const own = await call(channelsRoute.POST, "POST", "/api/v1/channels", {
      ...hook(),
      secret: "my-own-secret-0123456789",
    });
    expect(own.json.secret).toBe("my-own-secret-0123456789");
  });

  it.each([
    [
      { name: "x", kind: "pager", url: "https://example.com" },
      "kind: Type must be one of email, webhook, slack, discord, ntfy",
    ],
    [{ name: "x", kind: "slack" }, "url: URL is required for a Slack channel"],
    [{ name: "x", kind: "email" }, "to: Recipient is required for an email channel"],
    [
      { name: "x", kind: "email", to: "not-an-address" },
      "to: Recipient must be an email address (several: separated by commas)",
    ],
    [
      { name: "x", kind: "webhook", url: "ftp://example.com" },
      "url: URL must start with http:// or https://",
    ],
    [{ name: "", kind: "webhook", url: "https://example.com" }, "name: Name must not be empty"],
    [
      { name: "x", kind: "discord", url: "https://example.com", secret: "0123456789abcdef" },
      "secret: Signing secret is only for webhook channels; a Discord channel is not signed",
    ],
    [
      { name: "x", kind: "email", to: "a@example.com", url: "https://example.com" },
      "url: URL is not used by an email channel, which sends to its Recipient addresses",
    ],
    [
      { name: "x", kind: "ntfy", url: "https://example.com", to: "a@example.com" },
      "to: Recipient is only for email channels; an ntfy channel sends to its URL",
    ],
    [
      { name: "x", kind: "slack", url: "https://example.com", headers: { "X-A": "1" } },
      "headers: Headers are only for webhook channels, not a Slack channel",
    ],
    [
      { name: "x", kind: "webhook", url: "https://example.com", color: "red" },
      "unknown or read-only field color",
    ],
  ])("refuses %j with a 400 naming the field", async (body, error) => {
    const { call } = await apiUser();
    expect(await call(channelsRoute.POST, "POST", "/api/v1/channels", body)).toEqual({
      status: 400,
      json: { error },
    });
  });

  it("answers 401 without a key and 404 for another workspace's channel", async () => {
    const { call } = await apiUser();
    const other = await apiUser();
    const id = (await call(channelsRoute.POST, "POST", "/api/v1/channels", hook())).json
      .id as string;
    const unauthenticated = await channelsRoute.GET(
      new Request("http://vigil.test/api/v1/channels"),
      { params: Promise.resolve({}) },
    );
    expect(unauthenticated.status).toBe(401);
    for (const [handler, method] of [
      [channelRoute.GET, "GET"],
      [channelRoute.PATCH, "PATCH"],
      [channelRoute.DELETE, "DELETE"],
      [testRoute.POST, "POST"],
      [messagesRoute.GET, "GET"],
    ] as const)
      expect(
        await other.call(
          handler,
          method,
          `/api/v1/channels/${id}`,
          method === "PATCH" ? { name: "x" } : undefined,
          { id },
        ),
      ).toEqual({
        status: 404,
        json: { error: "channel not found" },
      });
    expect((await call(channelRoute.GET, "GET", "/x", undefined, { id: "nope" })).status).toBe(404);
  });

  it("edits partially, sends a test, lists the log with ?limit=, deletes with 204", async () => {
    const { call } = await apiUser();
    const id = (await call(channelsRoute.POST, "POST", "/api/v1/channels", hook("/rest-test"))).json
      .id as string;
    const patched = await call(
      channelRoute.PATCH,
      "PATCH",
      "/",
      { enabled: false, name: "renamed" },
      { id },
    );
    expect(patched.json).toMatchObject({
      name: "renamed",
      enabled: false,
      url: receiver.url("/rest-test"),
    });
    const test = await call(testRoute.POST, "POST", "/", undefined, { id });
    expect(test.json).toMatchObject({ delivered: true, error: null });
    expect(receiver.received("/rest-test")).toHaveLength(1);
    const log = await call(
      messagesRoute.GET,
      "GET",
      "/api/v1/channels/x/messages?limit=5",
      undefined,
      { id },
    );
    expect(log.json.messages).toEqual([
      expect.objectContaining({ kind: "test", status: "delivered", attempts: 1 }),
    ]);
    expect((await call(messagesRoute.GET, "GET", "/x?limit=0", undefined, { id })).status).toBe(
      400,
    );
    expect((await call(channelRoute.DELETE, "DELETE", "/", undefined, { id })).status).toBe(204);
    expect((await call(channelRoute.GET, "GET", "/", undefined, { id })).status).toBe(404);
  });

  it("attaches default channels to new monitors and heartbeats, and takes channel_ids", async () => {
    const { call } = await apiUser();
    const other = await apiUser();
    const def = (
      await call(channelsRoute.POST, "POST", "/api/v1/channels", { ...hook(), is_default: true })
    ).json.id as string;
    const plain = (await call(channelsRoute.POST, "POST", "/api/v1/channels", hook())).json
      .id as string;
    const theirs = (await other.call(channelsRoute.POST, "POST", "/api/v1/channels", hook())).json
      .id as string;
    const monitor = { name: "m", url: "https://example.com/", paused: true };
    const m1 = await call(monitorsRoute.POST, "POST", "/", monitor);
    expect(m1.json).toMatchObject({
      channel_ids: [def],
      alert_on_down: true,
      alert_on_recovery: true,
      reminder_hours: null,
    });
    const m2 = await call(monitorsRoute.POST, "POST", "/", {
      ...monitor,
      channel_ids: [plain],
      reminder_hours: 4,
    });
    expect(m2.json).toMatchObject({ channel_ids: [plain], reminder_hours: 4 });
    const id = m2.json.id as string;
    const patched = await call(
      monitorRoute.PATCH,
      "PATCH",
      "/",
      { channel_ids: [], alert_on_recovery: false },
      { id },
    );
    expect(patched.json).toMatchObject({
      channel_ids: [],
      alert_on_recovery: false,
      reminder_hours: 4,
    });
    expect(await call(monitorRoute.PATCH, "PATCH", "/", { channel_ids: [theirs] }, { id })).toEqual(
      {
        status: 400,
        json: {
          error: `channel_ids: Channels must be channels of this workspace; there is none with id ${theirs}`,
        },
      },
    );
    expect(
      (await call(monitorsRoute.POST, "POST", "/", { ...monitor, channel_ids: ["x"] })).status,
    ).toBe(400);
    expect(
      (await call(monitorsRoute.POST, "POST", "/", { ...monitor, reminder_hours: 0 })).json,
    ).toEqual({
      error: "reminder_hours: Reminder interval must be at least 1 hour",
    });
    const hb = await call(heartbeatsRoute.POST, "POST", "/", {
      name: "nightly",
      interval_secs: 3600,
    });
    expect(hb.json).toMatchObject({ channel_ids: [def] });
  });
});
