import { createHmac } from "node:crypto";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDbKind, type TestDatabase } from "@/db/testing/test-database";
import { makeUser } from "@/db/testing/factories";
import { loadConfig } from "@/server/config";
import { setRuntime } from "@/server/runtime";
import { alertDepsFrom } from "@/server/services/alerts/alert-deps";
import { SignInLimiter } from "@/server/services/auth/sign-in-limiter";
import { createCaller } from "@/server/trpc/root";
import { createTrpcContext } from "@/server/trpc/init";
import type { SessionUser } from "@/server/auth/get-session";
import { startReceiver, type TestReceiver } from "@/testing/alerts/start-receiver";

describe(`tRPC alerts on ${testDbKind()}`, () => {
  let database: TestDatabase;
  let receiver: TestReceiver;
  const config = loadConfig({ VIGIL_ALLOW_PRIVATE_TARGETS: "true" });
  beforeAll(async () => {
    database = await createTestDatabase();
    receiver = await startReceiver();
    setRuntime({
      config,
      db: database.db,
      dbKind: database.kind,
      authSecret: "x".repeat(32),
      logger: pino({ level: "silent" }),
      signInLimiter: new SignInLimiter(config.signinLimits),
    });
  });
  afterAll(async () => {
    setRuntime(undefined);
    await receiver.close();
    await database.drop();
  });

  const caller = (user: SessionUser | null, workspace: string | null = null) =>
    createCaller(
      createTrpcContext({
        db: database.db,
        user,
        clientIp: "203.0.113.7",
        requestedWorkspaceId: workspace,
        signup: "open",
        privateTargets: "all",
        signInLimiter: new SignInLimiter({ perEmail: 10, perIp: 100, windowSecs: 900 }),
        baseUrl: config.baseUrl,
        alerts: alertDepsFrom(config),
      }),
    );

  const someId = "00000000-0000-4000-8000-000000000000";
  const calls: [string, (c: ReturnType<typeof caller>, id: string) => Promise<unknown>][] = [
    ["alerts.channel", (c, id) => c.alerts.channel({ id })],
    ["alerts.updateChannel", (c, id) => c.alerts.updateChannel({ id, changes: { name: "x" } })],
    ["alerts.deleteChannel", (c, id) => c.alerts.deleteChannel({ id })],
    ["alerts.sendTest", (c, id) => c.alerts.sendTest({ id })],
    ["alerts.resendConfirmation", (c, id) => c.alerts.resendConfirmation({ id })],
  ];

  it.each([
    ...calls,
    ["alerts.channels", (c) => c.alerts.channels()],
    ["alerts.log", (c) => c.alerts.log({})],
    ["alerts.subjectChannelIds", (c) => c.alerts.subjectChannelIds({ subjectId: someId })],
    [
      "alerts.createChannel",
      (c) => c.alerts.createChannel({ name: "x", kind: "ntfy", url: "https://ntfy.sh/x" }),
    ],
  ] as typeof calls)("refuses %s without a session", async (_name, call) => {
    await expect(call(caller(null), someId)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("lets an outsider neither see, test, change nor delete another workspace's channel", async () => {
    const owner = await makeUser(database.db);
    const outsider = await makeUser(database.db);
    const { channel, secret } = await caller(owner.user).alerts.createChannel({
      name: "ops",
      kind: "webhook",
      url: receiver.url("/outsider"),
    });
    expect(secret).toMatch(/^whsec_/);
    expect(channel).not.toHaveProperty("secret");
    const them = caller(outsider.user, owner.workspace.id);
    expect(await them.alerts.channels()).toEqual([]);
    expect(await them.alerts.log({ channelId: channel.id })).toEqual([]);
    for (const [, call] of calls)
      await expect(call(them, channel.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(receiver.received("/outsider")).toHaveLength(0);
    await expect(
      them.monitor.create({ name: "m", url: "https://example.com", channelIds: [channel.id] }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: `channel_ids: Channels must be channels of this workspace; there is none with id ${channel.id}`,
    });
  });

  it("sends a test notification and shows the receiver's answer, then logs it", async () => {
    const { user } = await makeUser(database.db);
    const me = caller(user);
    const { channel } = await me.alerts.createChannel({
      name: "ops",
      kind: "webhook",
      url: receiver.url("/trpc-test"),
    });
    receiver.answer("/trpc-test", 500);
    expect(await me.alerts.sendTest({ id: channel.id })).toMatchObject({
      delivered: false,
      error: "HTTP 500: receiver says no (500)",
    });
    expect(await me.alerts.sendTest({ id: channel.id })).toMatchObject({
      delivered: true,
      error: null,
    });
    const log = await me.alerts.log({ channelId: channel.id });
    expect(log.map((m) => m.status)).toEqual(["delivered", "failed"]);
    const monitor = await me.monitor.create({
      name: "m",
      url: "https://example.com",
      paused: true,
      channelIds: [channel.id],
    });
    expect(await me.alerts.subjectChannelIds({ subjectId: monitor.id })).toEqual([channel.id]);
  });
  it("edits a channel's name, URL and headers in place, keeping its secret and its subjects", async () => {
    const { user } = await makeUser(database.db);
    const me = caller(user);
    const { channel, secret } = await me.alerts.createChannel({
      name: "ops",
      kind: "webhook",
      url: receiver.url("/before-edit"),
      headers: { "X-Old": "1" },
    });
    const monitor = await me.monitor.create({
      name: "m",
      url: "https://example.com",
      paused: true,
      channelIds: [channel.id],
    });
    // A bad URL is refused and changes nothing, not even the name sent with it.
    await expect(
      me.alerts.updateChannel({ id: channel.id, changes: { name: "renamed", url: "ftp://x" } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await me.alerts.channel({ id: channel.id })).toMatchObject({
      name: "ops",
      headerNames: ["X-Old"],
    });

    const edited = await me.alerts.updateChannel({
      id: channel.id,
      changes: {
        name: "ops (primary)",
        url: receiver.url("/after-edit"),
        headers: { "X-Team": "ops" },
      },
    });
    expect(edited).toMatchObject({
      name: "ops (primary)",
      headerNames: ["X-Team"],
      hasSecret: true,
    });
    expect(await me.alerts.sendTest({ id: channel.id })).toMatchObject({ delivered: true });
    expect(receiver.received("/before-edit")).toHaveLength(0);
    const [hit] = receiver.received("/after-edit");
    expect(hit?.headers["x-team"]).toBe("ops");
    expect(hit?.headers["x-old"]).toBeUndefined();
    expect(hit?.headers["x-vigil-signature-256"]).toBe(
      `sha256=${createHmac("sha256", secret ?? "")
        .update(hit?.body ?? "")
        .digest("hex")}`,
    );
    expect(await me.alerts.subjectChannelIds({ subjectId: monitor.id })).toEqual([channel.id]);

    // Empty headers remove them; a rename alone leaves the URL alone.
    await me.alerts.updateChannel({ id: channel.id, changes: { headers: {} } });
    await me.alerts.updateChannel({ id: channel.id, changes: { name: "ops" } });
    expect(await me.alerts.sendTest({ id: channel.id })).toMatchObject({ delivered: true });
    expect(receiver.received("/after-edit")).toHaveLength(2);
    expect(receiver.received("/after-edit")[1]?.headers["x-team"]).toBeUndefined();
    expect(await me.alerts.channel({ id: channel.id })).toMatchObject({
      name: "ops",
      headerNames: [],
    });
  });
});
