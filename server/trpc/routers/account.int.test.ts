import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDbKind, type TestDatabase } from "@/db/testing/test-database";
import { TEST_PASSWORD, makeUser } from "@/db/testing/factories";
import { systemClock } from "@/server/services/context";
import { SignInLimiter } from "@/server/services/auth/sign-in-limiter";
import { startSession } from "@/server/services/sessions/start-session";
import { getSessionUser } from "@/server/services/users/get-session-user";
import type { SessionUser } from "@/server/auth/get-session";
import { createCaller } from "@/server/trpc/root";
import { createTrpcContext } from "@/server/trpc/init";

describe(`account sessions over tRPC on ${testDbKind()}`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  const caller = (
    user: SessionUser | null,
    signInLimiter = new SignInLimiter({ perEmail: 10, perIp: 100, windowSecs: 900 }),
  ) =>
    createCaller(
      createTrpcContext({
        db: database.db,
        user,
        clientIp: "203.0.113.9",
        requestedWorkspaceId: null,
        signup: "open",
        privateTargets: "all",
        signInLimiter,
      }),
    );
  const ctx = () => ({ db: database.db, now: systemClock });

  async function signedIn() {
    const { user, email } = await makeUser(database.db);
    const sessionId = async () =>
      (await startSession({ ctx: ctx(), input: { userId: user.id, userAgent: null } })).id;
    const current = await sessionId();
    const other = await sessionId();
    const me: SessionUser = { id: user.id, email, name: null, sessionId: current };
    return { me, current, other };
  }

  const calls: [string, (c: ReturnType<typeof caller>) => Promise<unknown>][] = [
    ["account.sessions", (c) => c.account.sessions()],
    ["account.signOutOtherSessions", (c) => c.account.signOutOtherSessions()],
    [
      "account.changePassword",
      (c) => c.account.changePassword({ currentPassword: TEST_PASSWORD, newPassword: "x-y-z-w-1" }),
    ],
  ];

  it.each(calls)("refuses %s without a session (UNAUTHORIZED)", async (_name, call) => {
    await expect(call(caller(null))).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("signs the other sessions out and keeps this one; an ended session can do it no more", async () => {
    const { me, current, other } = await signedIn();
    expect(await caller(me).account.sessions()).toEqual({ active: 2 });
    expect(await caller(me).account.signOutOtherSessions()).toEqual({ ended: 1 });
    expect(
      await getSessionUser({ ctx: ctx(), input: { userId: me.id, sessionId: other } }),
    ).toBeNull();
    expect(
      await getSessionUser({ ctx: ctx(), input: { userId: me.id, sessionId: current } }),
    ).not.toBeNull();
    const ended = { ...me, sessionId: other };
    await expect(caller(ended).account.signOutOtherSessions()).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    await expect(
      caller({ ...me, sessionId: undefined }).account.signOutOtherSessions(),
    ).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("answers a wrong current password or a weak new one as a field error", async () => {
    const { me } = await signedIn();
    const change = (currentPassword: string, newPassword: string) =>
      caller(me).account.changePassword({ currentPassword, newPassword });
    const wrong = await change("Wrong-Horse-1", "A-Good-Passphrase-2").catch((e: unknown) => e);
    expect(wrong).toMatchObject({
      code: "BAD_REQUEST",
      message: "The current password is not right.",
    });
    const weak = await change(TEST_PASSWORD, "short").catch((e: unknown) => e);
    expect(weak).toMatchObject({ code: "BAD_REQUEST" });
    expect(await change(TEST_PASSWORD, "A-Good-Passphrase-2")).toEqual({ endedSessions: 1 });
  });

  it("counts wrong current passwords against the sign-in limits, so a stolen session cannot guess it", async () => {
    const { me } = await signedIn();
    const limiter = new SignInLimiter({ perEmail: 3, perIp: 100, windowSecs: 900 });
    const change = (currentPassword: string) =>
      caller(me, limiter).account.changePassword({
        currentPassword,
        newPassword: "A-Good-Passphrase-2",
      });
    for (let i = 0; i < 3; i++)
      await expect(change(`Wrong-Horse-${i}`)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(change(TEST_PASSWORD)).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
  });
});
