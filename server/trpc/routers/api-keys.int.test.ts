import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDbKind, type TestDatabase } from "@/db/testing/test-database";
import { makeUser } from "@/db/testing/factories";
import { SignInLimiter } from "@/server/services/auth/sign-in-limiter";
import { authenticateApiKey } from "@/server/services/api-keys/authenticate-api-key";
import { systemClock } from "@/server/services/context";
import { createCaller } from "@/server/trpc/root";
import { createTrpcContext } from "@/server/trpc/init";
import type { SessionUser } from "@/server/auth/get-session";

describe(`tRPC apiKeys on ${testDbKind()}`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

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
      }),
    );
  const authenticate = (key: string) =>
    authenticateApiKey({ ctx: { db: database.db, now: systemClock }, input: { key } });
  const someId = "00000000-0000-4000-8000-000000000000";

  it.each([
    ["apiKeys.list", (c: ReturnType<typeof caller>) => c.apiKeys.list()],
    ["apiKeys.create", (c: ReturnType<typeof caller>) => c.apiKeys.create({ name: "x" })],
    ["apiKeys.revoke", (c: ReturnType<typeof caller>) => c.apiKeys.revoke({ id: someId })],
  ])("refuses %s without a session", async (_name, call) => {
    await expect(call(caller(null))).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("creates a key shown once, lists it without the key or hash, and revokes it", async () => {
    const owner = await makeUser(database.db);
    const me = caller(owner.user);
    const created = await me.apiKeys.create({ name: "ci", scope: "read" });
    expect(created).toMatchObject({ name: "ci", scope: "read", expiresAt: null, lastUsedAt: null });
    expect(created.key).toMatch(/^vgl_/);
    const listed = await me.apiKeys.list();
    expect(listed).toEqual([
      {
        id: created.id,
        name: "ci",
        prefix: created.prefix,
        scope: "read",
        createdAt: created.createdAt,
        expiresAt: null,
        lastUsedAt: null,
      },
    ]);
    await expect(authenticate(created.key)).resolves.toMatchObject({ scope: "read" });
    await me.apiKeys.revoke({ id: created.id });
    await expect(authenticate(created.key)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(await me.apiKeys.list()).toEqual([]);
  });

  it("lets an outsider neither see nor revoke another workspace's key", async () => {
    const owner = await makeUser(database.db);
    const outsider = await makeUser(database.db);
    const created = await caller(owner.user).apiKeys.create({ name: "prod" });
    const them = caller(outsider.user, owner.workspace.id);
    expect(await them.apiKeys.list()).toEqual([]);
    await expect(them.apiKeys.revoke({ id: created.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(authenticate(created.key)).resolves.toMatchObject({
      workspaceId: owner.workspace.id,
    });
  });

  it("names the field of a bad scope or a past expiry", async () => {
    const me = caller((await makeUser(database.db)).user);
    await expect(me.apiKeys.create({ name: "x", scope: "admin" as "read" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(
      me.apiKeys.create({ name: "x", expiresAt: "2020-01-01T00:00:00Z" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "expires_at: Expiry date must be in the future",
      cause: { details: { field: "expires_at" } },
    });
  });
});
