import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiKeys, memberships } from "@/db/schema";
import { createTestDatabase, testDbKind, type TestDatabase } from "@/db/testing/test-database";
import { makeUser, workspaceWithClock } from "@/db/testing/factories";
import { systemClock } from "@/server/services/context";
import { createApiKey, createWorkspaceApiKey } from "@/server/services/api-keys/create-api-key";
import { revokeApiKey } from "@/server/services/api-keys/revoke-api-key";
import { resetPassword } from "@/server/services/users/reset-password";
import { setPrivateTargets } from "@/server/services/workspaces/set-private-targets";

// Intl writes a narrow no-break space before AM/PM.
const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, " ");

describe(`API key and operator messages on ${testDbKind()}`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it("names the expiry date as the form does: past, or later than the key in use", async () => {
    const { ctx } = await workspaceWithClock(database.db);
    await expect(
      createWorkspaceApiKey({ ctx, input: { name: "x", expiresAt: "2020-01-01T00:00:00Z" } }),
    ).rejects.toMatchObject({
      code: "BAD_INPUT",
      message: "expires_at: Expiry date must be in the future",
      details: { field: "expires_at" },
    });
    const notAfter = new Date("2099-12-06T20:22:33Z");
    const late = await createWorkspaceApiKey({
      ctx,
      input: { name: "x", expiresAt: "2100-01-01T00:00:00Z", notAfter },
    }).catch((e: Error) => e);
    expect(plain((late as Error).message)).toBe(
      "expires_at: Expiry date must be no later than Dec 6, 2099, 8:22:33 PM UTC, when the key you are using expires",
    );
  });

  it("says in a sentence that an email has no user, or that its user owns no workspace", async () => {
    const ctx = { db: database.db, now: systemClock };
    for (const run of [
      () => createApiKey({ ctx, input: { email: " Ghost@Example.com " } }),
      () =>
        resetPassword({ ctx, input: { email: "ghost@example.com", password: "Correct-Horse-9" } }),
      () => setPrivateTargets({ ctx, input: { email: "ghost@example.com", allow: true } }),
    ])
      await expect(run()).rejects.toMatchObject({
        code: "NOT_FOUND",
        message: "There is no user with the email ghost@example.com.",
      });
    await expect(createApiKey({ ctx, input: { email: "not an email" } })).rejects.toMatchObject({
      code: "BAD_INPUT",
      message: "email: Email must be an email address",
    });
    const { user, email } = await makeUser(database.db);
    await database.db
      .update(memberships)
      .set({ role: "admin" })
      .where(eq(memberships.userId, user.id));
    for (const run of [
      () => createApiKey({ ctx, input: { email } }),
      () => setPrivateTargets({ ctx, input: { email, allow: true } }),
    ])
      await expect(run()).rejects.toMatchObject({
        code: "NOT_FOUND",
        message: `The user ${email} does not own a workspace; the command acts on the workspace a user owns.`,
      });
  });

  it("asks for the id when a prefix matches several keys", async () => {
    const { ctx } = await workspaceWithClock(database.db);
    const a = await createWorkspaceApiKey({ ctx, input: { name: "a" } });
    const b = await createWorkspaceApiKey({ ctx, input: { name: "b" } });
    await database.db.update(apiKeys).set({ prefix: a.prefix }).where(eq(apiKeys.id, b.id));
    await expect(revokeApiKey({ ctx, input: { prefix: a.prefix } })).rejects.toMatchObject({
      code: "CONFLICT",
      message: `prefix: Prefix ${a.prefix} matches several API keys; revoke the one you mean by its id`,
    });
  });
});
