import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDbKind, type TestDatabase } from "@/db/testing/test-database";
import { TEST_PASSWORD, makeUser } from "@/db/testing/factories";
import { systemClock } from "@/server/services/context";
import { getEventBus, type VigilEvents } from "@/server/events/bus";
import { getSessionUser } from "@/server/services/users/get-session-user";
import { startSession } from "@/server/services/sessions/start-session";
import { endSession } from "@/server/services/sessions/end-session";
import { endOtherSessions } from "@/server/services/sessions/end-other-sessions";
import { countActiveSessions } from "@/server/services/sessions/count-active-sessions";
import { changePassword } from "@/server/services/users/change-password";
import { resetPassword } from "@/server/services/users/reset-password";
import { verifyCredentials } from "@/server/services/users/verify-credentials";
import { SignInLimiter } from "@/server/services/auth/sign-in-limiter";

const limits = (email: string) => ({
  limiter: new SignInLimiter({ perEmail: 10, perIp: 100, windowSecs: 900 }),
  email,
  clientIp: "203.0.113.9",
});

describe(`sessions on ${testDbKind()}`, () => {
  let database: TestDatabase;
  const ctx = () => ({ db: database.db, now: systemClock });
  const as = (userId: string) => ({ ...ctx(), actor: { userId } });
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  const signIn = async (userId: string) =>
    (await startSession({ ctx: ctx(), input: { userId, userAgent: "test" } })).id;
  const check = (userId: string, sessionId: string) =>
    getSessionUser({ ctx: ctx(), input: { userId, sessionId } });

  function ended(): { events: VigilEvents["user.sessions-ended"][]; stop: () => void } {
    const events: VigilEvents["user.sessions-ended"][] = [];
    const stop = getEventBus().on("user.sessions-ended", (e) => void events.push(e));
    return { events, stop };
  }

  it("accepts a session until it is ended, and only for its own user", async () => {
    const { user, email } = await makeUser(database.db);
    const other = await makeUser(database.db);
    const sid = await signIn(user.id);
    expect(await check(user.id, sid)).toEqual({
      id: user.id,
      email,
      name: null,
      sessionId: sid,
    });
    expect(await check(other.user.id, sid)).toBeNull();
    expect(await check(user.id, "not-a-uuid")).toBeNull();
    const seen = ended();
    try {
      await endSession({ ctx: ctx(), input: { sessionId: sid } });
    } finally {
      seen.stop();
    }
    expect(await check(user.id, sid)).toBeNull();
    expect(seen.events).toEqual([{ userId: user.id, sessionIds: [sid] }]);
  });

  it("signs out everywhere else: keeps the current session and ends the others", async () => {
    const { user } = await makeUser(database.db);
    const stranger = await makeUser(database.db);
    const [current, laptop, phone] = [
      await signIn(user.id),
      await signIn(user.id),
      await signIn(user.id),
    ];
    const theirs = await signIn(stranger.user.id);
    expect(await countActiveSessions({ ctx: as(user.id) })).toEqual({ active: 3 });
    const seen = ended();
    try {
      expect(
        await endOtherSessions({ ctx: as(user.id), input: { currentSessionId: current } }),
      ).toEqual({ ended: 2 });
    } finally {
      seen.stop();
    }
    expect(await check(user.id, current)).not.toBeNull();
    expect(await check(user.id, laptop)).toBeNull();
    expect(await check(user.id, phone)).toBeNull();
    expect(await check(stranger.user.id, theirs)).not.toBeNull();
    expect(seen.events).toEqual([
      { userId: user.id, sessionIds: expect.arrayContaining([laptop, phone]) },
    ]);
    expect(await countActiveSessions({ ctx: as(user.id) })).toEqual({ active: 1 });
  });

  it("refuses to keep a session that is not the actor's own", async () => {
    const { user } = await makeUser(database.db);
    const stranger = await makeUser(database.db);
    const mine = await signIn(user.id);
    const theirs = await signIn(stranger.user.id);
    await expect(
      endOtherSessions({ ctx: as(user.id), input: { currentSessionId: theirs } }),
    ).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(await check(user.id, mine)).not.toBeNull();
  });

  it("changes the password, keeping the current session and ending the others", async () => {
    const { user, email } = await makeUser(database.db);
    const current = await signIn(user.id);
    const other = await signIn(user.id);
    await changePassword({
      ctx: as(user.id),
      input: {
        currentSessionId: current,
        limits: limits(email),
        currentPassword: TEST_PASSWORD,
        newPassword: "Brand-New-Passphrase-7",
      },
    });
    expect(await check(user.id, current)).not.toBeNull();
    expect(await check(user.id, other)).toBeNull();
    expect(
      await verifyCredentials({ ctx: ctx(), input: { email, password: "Brand-New-Passphrase-7" } }),
    ).not.toBeNull();
    expect(
      await verifyCredentials({ ctx: ctx(), input: { email, password: TEST_PASSWORD } }),
    ).toBeNull();
  });

  it("refuses a wrong current password or a weak new one, changing nothing", async () => {
    const { user, email } = await makeUser(database.db);
    const current = await signIn(user.id);
    const other = await signIn(user.id);
    const attempt = (currentPassword: string, newPassword: string) =>
      changePassword({
        ctx: as(user.id),
        input: { currentSessionId: current, limits: limits(email), currentPassword, newPassword },
      });
    await expect(attempt("Wrong-Horse-9", "Brand-New-Passphrase-7")).rejects.toMatchObject({
      code: "BAD_INPUT",
      details: { field: "currentPassword" },
    });
    await expect(attempt(TEST_PASSWORD, "password")).rejects.toMatchObject({
      code: "BAD_INPUT",
      details: { field: "newPassword" },
    });
    expect(await check(user.id, other)).not.toBeNull();
    expect(
      await verifyCredentials({ ctx: ctx(), input: { email, password: TEST_PASSWORD } }),
    ).not.toBeNull();
  });

  it("ends every session of the user on an operator's password reset", async () => {
    const { user, email } = await makeUser(database.db);
    const [a, b] = [await signIn(user.id), await signIn(user.id)];
    await resetPassword({ ctx: ctx(), input: { email, password: "Operator-Chosen-44" } });
    expect(await check(user.id, a)).toBeNull();
    expect(await check(user.id, b)).toBeNull();
    const fresh = await signIn(user.id);
    expect(await check(user.id, fresh)).not.toBeNull();
  });
});
