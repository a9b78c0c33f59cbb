import pino from "pino";
import { formatDuration } from "@/server/domain/format/duration";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDbKind, type TestDatabase } from "@/db/testing/test-database";
import { makeUser } from "@/db/testing/factories";
import { loadConfig, type Config } from "@/server/config";
import { setRuntime } from "@/server/runtime";
import { SignInLimiter } from "@/server/services/auth/sign-in-limiter";
import { createApiKey } from "@/server/services/api-keys/create-api-key";
import { systemClock } from "@/server/services/context";
import { startReceiver, type TestReceiver } from "@/testing/alerts/start-receiver";
import { createCaller } from "@/server/trpc/root";
import { createTrpcContext } from "@/server/trpc/init";
import * as channelsRoute from "@/app/api/v1/channels/route";
import * as testRoute from "@/app/api/v1/channels/[id]/test/route";
import { expectDocumented } from "@/server/http/api-v1/testing/expect-documented";

describe(`"send test" rate limit per channel on ${testDbKind()}`, () => {
  let database: TestDatabase;
  let receiver: TestReceiver;
  let config: Config;
  beforeAll(async () => {
    database = await createTestDatabase();
    receiver = await startReceiver();
    config = loadConfig({ VIGIL_ALLOW_PRIVATE_TARGETS: "true" });
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

  async function member() {
    const made = await makeUser(database.db);
    const { key } = await createApiKey({
      ctx: { db: database.db, now: systemClock },
      input: { email: made.email },
    });
    const post = async (
      handler: typeof testRoute.POST,
      path: string,
      params: Record<string, string>,
      body?: unknown,
    ) => {
      const res = await handler(
        new Request(`http://vigil.test${path}`, {
          method: "POST",
          headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
          body: body === undefined ? undefined : JSON.stringify(body),
        }),
        { params: Promise.resolve(params) },
      );
      await expectDocumented("POST", path, res);
      return res;
    };
    const newChannel = async (path: string) => {
      const res = await post(
        channelsRoute.POST,
        "/api/v1/channels",
        {},
        {
          name: "ops",
          kind: "webhook",
          url: receiver.url(path),
        },
      );
      return ((await res.json()) as { id: string }).id;
    };
    const sendTest = (id: string) => post(testRoute.POST, `/api/v1/channels/${id}/test`, { id });
    const trpc = createCaller(
      createTrpcContext({
        db: database.db,
        user: made.user,
        clientIp: "203.0.113.7",
        requestedWorkspaceId: null,
        signup: "open",
        privateTargets: "all",
        signInLimiter: new SignInLimiter(config.signinLimits),
      }),
    );
    return { newChannel, sendTest, trpc };
  }

  it("answers the sixth test in a minute with 429, Retry-After and one line; other channels still send", async () => {
    const me = await member();
    const channel = await me.newChannel("/limited");
    for (let i = 0; i < 5; i++) expect((await me.sendTest(channel)).status).toBe(200);

    const refused = await me.sendTest(channel);

    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await refused.json()).toEqual({
      error: `Too many test notifications for this channel; please try again in ${formatDuration(retryAfter * 1000)}.`,
    });
    expect(receiver.received("/limited")).toHaveLength(5);
    const other = await me.newChannel("/other");
    expect((await me.sendTest(other)).status).toBe(200);
  });

  it("counts the dashboard's tests and the API's together, and refuses with TOO_MANY_REQUESTS", async () => {
    const me = await member();
    const channel = await me.newChannel("/shared");
    for (let i = 0; i < 3; i++) expect((await me.sendTest(channel)).status).toBe(200);
    for (let i = 0; i < 2; i++)
      expect(await me.trpc.alerts.sendTest({ id: channel })).toMatchObject({ delivered: true });

    await expect(me.trpc.alerts.sendTest({ id: channel })).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
      message: expect.stringMatching(
        /^Too many test notifications for this channel; please try again in (\d+ s|1 min)\.$/,
      ),
    });
    expect((await me.sendTest(channel)).status).toBe(429);
    expect(receiver.received("/shared")).toHaveLength(5);
  });
});
