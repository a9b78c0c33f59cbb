import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memberships, users, workspaces } from "@/db/schema";
import { createTestDatabase, testDbKind, type TestDatabase } from "@/db/testing/test-database";
import { TEST_PASSWORD, makeUser, uniqueEmail } from "@/db/testing/factories";
import { systemClock } from "@/server/services/context";
import { createUser } from "@/server/services/users/create-user";
import { verifyCredentials } from "@/server/services/users/verify-credentials";
import { resetPassword } from "@/server/services/users/reset-password";
import { ServiceError } from "@/server/services/errors";

describe(`accounts on ${testDbKind()}`, () => {
  let database: TestDatabase;
  const ctx = () => ({ db: database.db, now: systemClock });
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it("signs up a user with a personal workspace they own", async () => {
    const email = uniqueEmail("signup");
    const { user, workspace } = await createUser({
      ctx: ctx(),
      input: { email, password: TEST_PASSWORD, name: "Ada" },
    });
    expect(user.email).toBe(email);
    const [stored] = await database.db.select().from(users).where(eq(users.id, user.id));
    expect(stored?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(stored?.passwordHash).not.toContain(TEST_PASSWORD);
    const [ws] = await database.db.select().from(workspaces).where(eq(workspaces.id, workspace.id));
    expect(ws?.name).toBe("Ada's workspace");
    const owned = await database.db
      .select()
      .from(memberships)
      .where(eq(memberships.userId, user.id));
    expect(owned).toEqual([expect.objectContaining({ workspaceId: workspace.id, role: "owner" })]);
  });

  it("normalises email case and refuses a second account for it", async () => {
    const email = uniqueEmail("dup");
    await createUser({
      ctx: ctx(),
      input: { email: email.toUpperCase(), password: TEST_PASSWORD },
    });
    const again = createUser({
      ctx: ctx(),
      input: { email: ` ${email} `, password: TEST_PASSWORD },
    });
    await expect(again).rejects.toMatchObject({ code: "CONFLICT", details: { field: "email" } });
  });

  it("leaves no half-made account behind when the email is taken", async () => {
    const before = await database.db.$count(workspaces);
    const { email } = await makeUser(database.db);
    await expect(
      createUser({ ctx: ctx(), input: { email, password: TEST_PASSWORD } }),
    ).rejects.toBeInstanceOf(ServiceError);
    expect(await database.db.$count(workspaces)).toBe(before + 1);
  });

  it.each([
    ["short", "password must be at least 8 characters"],
    ["password123", "password is too common"],
    ["aaaaaaaaaaaa", "password is too repetitive"],
  ])("refuses the weak password %s", async (password, message) => {
    await expect(
      createUser({ ctx: ctx(), input: { email: uniqueEmail(), password } }),
    ).rejects.toMatchObject({
      code: "BAD_INPUT",
      message,
      details: { field: "password" },
    });
  });

  it("refuses an address that is not an email", async () => {
    await expect(
      createUser({ ctx: ctx(), input: { email: "not-an-email", password: TEST_PASSWORD } }),
    ).rejects.toMatchObject({
      code: "BAD_INPUT",
      details: { field: "email" },
    });
  });

  it("accepts the right password and rejects a wrong one or an unknown email alike", async () => {
    const { email, user } = await makeUser(database.db);
    await expect(
      verifyCredentials({ ctx: ctx(), input: { email, password: TEST_PASSWORD } }),
    ).resolves.toMatchObject({ id: user.id });
    await expect(
      verifyCredentials({
        ctx: ctx(),
        input: { email: email.toUpperCase(), password: TEST_PASSWORD },
      }),
    ).resolves.toMatchObject({ id: user.id });
    await expect(
      verifyCredentials({ ctx: ctx(), input: { email, password: "Wrong-Horse-9" } }),
    ).resolves.toBeNull();
    await expect(
      verifyCredentials({
        ctx: ctx(),
        input: { email: uniqueEmail("ghost"), password: TEST_PASSWORD },
      }),
    ).resolves.toBeNull();
  });

  it("resets a password: the old one stops working, the new one works", async () => {
    const { email } = await makeUser(database.db);
    await resetPassword({ ctx: ctx(), input: { email, password: "New-Battery-77" } });
    await expect(
      verifyCredentials({ ctx: ctx(), input: { email, password: TEST_PASSWORD } }),
    ).resolves.toBeNull();
    await expect(
      verifyCredentials({ ctx: ctx(), input: { email, password: "New-Battery-77" } }),
    ).resolves.not.toBeNull();
  });
});
