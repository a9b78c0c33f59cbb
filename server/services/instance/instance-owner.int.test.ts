import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { instanceSettings, users, workspaces } from "@/db/schema";
import { createTestDatabase, testDbKind, type TestDatabase } from "@/db/testing/test-database";
import { TEST_PASSWORD, uniqueEmail } from "@/db/testing/factories";
import { setRuntime } from "@/server/runtime";
import { getAuthOptions } from "@/server/auth/auth-options";
import { runOperatorCommand } from "@/server/control/operator-commands";
import type { SignupPolicy } from "@/server/domain/instance/access-policy";
import { SignInLimiter } from "@/server/services/auth/sign-in-limiter";
import { systemClock } from "@/server/services/context";
import { getSignupState } from "@/server/services/instance/get-signup-state";
import { signUp } from "@/server/services/users/sign-up";
import { signInWithOAuth } from "@/server/services/users/sign-in-with-oauth";
import { installTestRuntime } from "@/testing/runtime/test-runtime";

const CLOSED = "Sign-up is closed on this Vigil. Ask its operator for an account.";

describe(`the instance owner and who may sign up, on ${testDbKind()}`, () => {
  // Each test needs an instance without accounts: a database of its own.
  const opened: TestDatabase[] = [];
  afterEach(async () => {
    setRuntime(undefined);
    await Promise.all(opened.splice(0).map((d) => d.drop()));
  });
  async function freshInstance() {
    const database = await createTestDatabase();
    opened.push(database);
    const ctx = { db: database.db, now: systemClock };
    const limiter = new SignInLimiter({ perEmail: 100, perIp: 100, windowSecs: 900 });
    const join = (signup: SignupPolicy, email = uniqueEmail("signup")) =>
      signUp({
        ctx: { ...ctx, signup, signInLimiter: limiter, clientIp: "203.0.113.9" },
        input: { email, password: TEST_PASSWORD },
      });
    const ownerId = async () =>
      (
        await database.db
          .select({ value: instanceSettings.value })
          .from(instanceSettings)
          .where(eq(instanceSettings.key, "instance_owner_user_id"))
      ).map((r) => r.value);
    const grantOf = async (userId: string) => {
      const rows = await database.db.query.memberships.findMany({
        where: (m, { eq: is }) => is(m.userId, userId),
      });
      const [row] = await database.db
        .select({ granted: workspaces.allowPrivateTargets })
        .from(workspaces)
        .where(eq(workspaces.id, rows[0]?.workspaceId ?? ""));
      return row?.granted;
    };
    return { database, ctx, join, ownerId, grantOf };
  }

  it("makes the first sign-up the owner and then closes sign-up under `first`", async () => {
    const { ctx, join, ownerId, grantOf } = await freshInstance();
    expect(await getSignupState({ ctx, input: { signup: "first" } })).toEqual({
      isOpen: true,
      hasOwner: false,
    });
    const first = await join("first");
    expect(await ownerId()).toEqual([first.id]);
    expect(await grantOf(first.id)).toBe(true);
    expect((await getSignupState({ ctx, input: { signup: "first" } })).isOpen).toBe(false);

    const email = uniqueEmail("second");
    await expect(join("first", email)).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: CLOSED,
    });
    expect(await ctx.db.select().from(users).where(eq(users.email, email))).toEqual([]);
  });

  it("gives two simultaneous first sign-ups exactly one owner and one account", async () => {
    const { ctx, join, ownerId } = await freshInstance();
    const outcomes = await Promise.allSettled([join("first"), join("first"), join("first")]);
    const kept = outcomes.filter((o) => o.status === "fulfilled");
    const refused = outcomes.filter((o) => o.status === "rejected");
    expect(kept).toHaveLength(1);
    for (const r of refused) expect(r.reason).toMatchObject({ code: "FORBIDDEN", message: CLOSED });
    expect(await ownerId()).toEqual([kept[0]?.value.id]);
    expect(await ctx.db.select().from(users)).toHaveLength(1);
  });

  it("keeps sign-up open under `true`, with only the first account as owner", async () => {
    const { join, ownerId, grantOf } = await freshInstance();
    const first = await join("open");
    const second = await join("open");
    expect(await ownerId()).toEqual([first.id]);
    expect(await grantOf(second.id)).toBe(false);
  });

  it("refuses every sign-up under `false`, even the first", async () => {
    const { ctx, join } = await freshInstance();
    await expect(join("closed")).rejects.toMatchObject({ code: "FORBIDDEN", message: CLOSED });
    expect(await ctx.db.select().from(users)).toEqual([]);
  });

  it("makes the operator's first user:create the owner, and creates users when sign-up is closed", async () => {
    const { ctx, join, ownerId, grantOf } = await freshInstance();
    const email = uniqueEmail("ops");
    const made = await runOperatorCommand(ctx, {
      command: "user:create",
      email,
      password: TEST_PASSWORD,
    });
    expect(made.stderr).toMatch(/instance owner/);
    const [owner] = await ctx.db.select().from(users).where(eq(users.email, email));
    expect(await ownerId()).toEqual([owner?.id]);
    expect(await grantOf(owner?.id ?? "")).toBe(true);
    await expect(join("first")).rejects.toMatchObject({ code: "FORBIDDEN", message: CLOSED });

    const later = await runOperatorCommand(ctx, {
      command: "user:create",
      email: uniqueEmail("colleague"),
      password: TEST_PASSWORD,
    });
    expect(later.stderr).not.toMatch(/instance owner/);
  });

  it("lets a linked GitHub account sign in but refuses a new one while sign-up is closed", async () => {
    const { ctx, ownerId } = await freshInstance();
    const profile = (id: string) => ({
      provider: "github",
      providerAccountId: id,
      email: uniqueEmail("gh"),
      name: "Octo",
    });
    const linked = profile("1001");
    const owner = await signInWithOAuth({ ctx, input: { ...linked, signup: "first" } });
    expect(await ownerId()).toEqual([owner.id]);
    await expect(
      signInWithOAuth({ ctx, input: { ...linked, signup: "first" } }),
    ).resolves.toMatchObject({ id: owner.id });
    await expect(
      signInWithOAuth({ ctx, input: { ...linked, signup: "closed" } }),
    ).resolves.toMatchObject({ id: owner.id });
    await expect(
      signInWithOAuth({ ctx, input: { ...profile("1002"), signup: "first" } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", message: CLOSED });
    expect(await ctx.db.select().from(users)).toHaveLength(1);
  });

  it("sends a new GitHub account refused by closed sign-up back to /sign-in with a reason", async () => {
    const { database } = await freshInstance();
    installTestRuntime(database, {
      VIGIL_ALLOW_SIGNUP: "false",
      GITHUB_CLIENT_ID: "id",
      GITHUB_CLIENT_SECRET: "secret",
    });
    const signIn = getAuthOptions().callbacks?.signIn;
    const verdict = await signIn?.({
      user: { id: "gh-2001", email: uniqueEmail("gh"), name: "New" },
      account: {
        provider: "github",
        providerAccountId: "2001",
        type: "oauth",
      },
    });
    expect(verdict).toBe("/sign-in?error=SignupClosed");
    expect(await database.db.select().from(users)).toEqual([]);
  });

  it("lets the operator grant and revoke private targets with workspace:allow-private", async () => {
    const { ctx, join, grantOf } = await freshInstance();
    await join("open");
    const email = uniqueEmail("granted");
    const user = await join("open", email);
    expect(await grantOf(user.id)).toBe(false);
    const granted = await runOperatorCommand(ctx, {
      command: "workspace:allow-private",
      email,
      revoke: false,
    });
    expect(granted.stderr).toMatch(/may now check private addresses/);
    expect(await grantOf(user.id)).toBe(true);
    await runOperatorCommand(ctx, { command: "workspace:allow-private", email, revoke: true });
    expect(await grantOf(user.id)).toBe(false);
    await expect(
      runOperatorCommand(ctx, {
        command: "workspace:allow-private",
        email: uniqueEmail("nobody"),
        revoke: false,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
