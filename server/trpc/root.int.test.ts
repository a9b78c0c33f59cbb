import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDbKind, type TestDatabase } from "@/db/testing/test-database";
import { TEST_PASSWORD, makeUser, uniqueEmail } from "@/db/testing/factories";
import { SignInLimiter } from "@/server/services/auth/sign-in-limiter";
import { createCaller } from "@/server/trpc/root";
import { createTrpcContext } from "@/server/trpc/init";
import type { SessionUser } from "@/server/auth/get-session";
import type { SignupPolicy } from "@/server/domain/instance/access-policy";

describe(`tRPC on ${testDbKind()}`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  const caller = (
    user: SessionUser | null,
    opts: { workspace?: string; signup?: SignupPolicy; limiter?: SignInLimiter } = {},
  ) =>
    createCaller(
      createTrpcContext({
        db: database.db,
        user,
        clientIp: "203.0.113.7",
        requestedWorkspaceId: opts.workspace ?? null,
        signup: opts.signup ?? "open",
        privateTargets: "all",
        signInLimiter:
          opts.limiter ?? new SignInLimiter({ perEmail: 10, perIp: 100, windowSecs: 900 }),
      }),
    );

  const someId = "00000000-0000-4000-8000-000000000000";
  const monitorInput = { name: "m", url: "https://example.com/" };
  const protectedCalls: [string, (c: ReturnType<typeof caller>) => Promise<unknown>][] = [
    ["workspace.current", (c) => c.workspace.current()],
    ["monitor.list", (c) => c.monitor.list()],
    ["monitor.get", (c) => c.monitor.get({ id: someId })],
    ["monitor.create", (c) => c.monitor.create(monitorInput)],
    ["monitor.update", (c) => c.monitor.update({ id: someId, changes: { name: "x" } })],
    ["monitor.delete", (c) => c.monitor.delete({ id: someId })],
    ["monitor.pause", (c) => c.monitor.pause({ id: someId })],
    ["monitor.resume", (c) => c.monitor.resume({ id: someId })],
  ];

  it("accepts any timeout below the interval, stretching the default retry interval to fit", async () => {
    const { user } = await makeUser(database.db);
    const monitor = await caller(user).monitor.create({
      ...monitorInput,
      intervalSecs: 60,
      timeoutSecs: 30,
      paused: true,
    });
    expect(monitor).toMatchObject({ intervalSecs: 60, timeoutSecs: 30, retryIntervalSecs: 31 });
    await expect(
      caller(user).monitor.create({ ...monitorInput, intervalSecs: 30, timeoutSecs: 30 }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(
        /^timeout_secs: Timeout must be shorter than the check interval/,
      ) as unknown,
    });
  });

  it("lets an outsider neither see nor change another workspace's monitor", async () => {
    const owner = await makeUser(database.db);
    const outsider = await makeUser(database.db);
    const monitor = await caller(owner.user).monitor.create({ ...monitorInput, paused: true });
    const them = caller(outsider.user, { workspace: owner.workspace.id });
    expect(await them.monitor.list()).toEqual([]);
    for (const call of [
      () => them.monitor.get({ id: monitor.id }),
      () => them.monitor.update({ id: monitor.id, changes: { name: "stolen" } }),
      () => them.monitor.pause({ id: monitor.id }),
      () => them.monitor.resume({ id: monitor.id }),
      () => them.monitor.delete({ id: monitor.id }),
    ])
      await expect(call()).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await caller(owner.user).monitor.get({ id: monitor.id })).monitor.name).toBe("m");
  });

  it.each(protectedCalls)("refuses %s without a session (UNAUTHORIZED)", async (_name, call) => {
    await expect(call(caller(null))).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("gives a member their workspace", async () => {
    const { user, workspace } = await makeUser(database.db, { name: "Grace" });
    const current = await caller(user).workspace.current();
    expect(current).toMatchObject({ id: workspace.id, role: "owner", user: { id: user.id } });
  });

  it("never lets an outsider act in someone else's workspace", async () => {
    const owner = await makeUser(database.db);
    const outsider = await makeUser(database.db);
    const current = await caller(outsider.user, {
      workspace: owner.workspace.id,
    }).workspace.current();
    expect(current.id).toBe(outsider.workspace.id);
    expect(current.workspaces.map((w) => w.id)).not.toContain(owner.workspace.id);
  });

  it("signs up through account.signUp, with field errors for bad input", async () => {
    const email = uniqueEmail("trpc");
    await expect(
      caller(null).account.signUp({ email, password: TEST_PASSWORD }),
    ).resolves.toMatchObject({ email });
    const dup = caller(null).account.signUp({ email, password: TEST_PASSWORD });
    await expect(dup).rejects.toBeInstanceOf(TRPCError);
    await expect(dup).rejects.toMatchObject({
      code: "CONFLICT",
      message: "an account with this email already exists",
    });
    await expect(
      caller(null).account.signUp({ email: uniqueEmail(), password: "short" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("refuses sign-up when the operator disabled it", async () => {
    await expect(
      caller(null, { signup: "closed" }).account.signUp({
        email: uniqueEmail(),
        password: TEST_PASSWORD,
      }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "Sign-up is closed on this Vigil. Ask its operator for an account.",
    });
  });

  it("rate-limits sign-ups from one address", async () => {
    const limiter = new SignInLimiter({ perEmail: 10, perIp: 2, windowSecs: 900 });
    const c = caller(null, { limiter });
    await c.account.signUp({ email: uniqueEmail(), password: TEST_PASSWORD });
    await c.account.signUp({ email: uniqueEmail(), password: TEST_PASSWORD });
    await expect(
      c.account.signUp({ email: uniqueEmail(), password: TEST_PASSWORD }),
    ).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
  });
});
