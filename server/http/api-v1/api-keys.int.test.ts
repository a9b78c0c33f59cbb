import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { createTestDatabase, testDbKind, type TestDatabase } from "@/db/testing/test-database";
import { makeUser } from "@/db/testing/factories";
import { setRuntime } from "@/server/runtime";
import { createApiKey, createWorkspaceApiKey } from "@/server/services/api-keys/create-api-key";
import { authenticateApiKey } from "@/server/services/api-keys/authenticate-api-key";
import { systemClock } from "@/server/services/context";
import * as keysRoute from "@/app/api/v1/api-keys/route";
import * as keyRoute from "@/app/api/v1/api-keys/[id]/route";
import * as monitorsRoute from "@/app/api/v1/monitors/route";
import * as heartbeatsRoute from "@/app/api/v1/heartbeats/route";
import { openApiDocument } from "@/server/http/api-v1/schemas/document";
import { expectDocumented } from "@/server/http/api-v1/testing/expect-documented";
import { installTestRuntime } from "@/testing/runtime/test-runtime";

type Handler = (
  req: Request,
  ctx: { params: Promise<Record<string, string>> },
) => Promise<Response>;
type Json = Record<string, unknown>;

async function call(
  key: string,
  handler: Handler,
  method: string,
  path: string,
  body?: unknown,
  params: Record<string, string> = {},
) {
  const res = await handler(
    new Request(`http://vigil.test${path}`, {
      method,
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
    { params: Promise.resolve(params) },
  );
  await expectDocumented(method, path, res);
  const text = await res.text();
  return { status: res.status, json: (text ? JSON.parse(text) : null) as Json };
}

describe(`REST API v1 api-keys on ${testDbKind()}`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    installTestRuntime(database);
  });
  afterAll(async () => {
    setRuntime(undefined);
    await database.drop();
  });

  /** A user and the key `apikey:create` gives them (scope left at its default). */
  async function owner() {
    const { email, user, workspace } = await makeUser(database.db);
    const { key } = await createApiKey({
      ctx: { db: database.db, now: systemClock },
      input: { email },
    });
    return { key, user, workspace };
  }

  const create = (key: string, body: unknown) =>
    call(key, keysRoute.POST, "POST", "/api/v1/api-keys", body);
  const revoke = (key: string, id: string) =>
    call(key, keyRoute.DELETE, "DELETE", `/api/v1/api-keys/${id}`, undefined, { id });
  const listMonitors = (key: string) => call(key, monitorsRoute.GET, "GET", "/api/v1/monitors");

  it("creates a key (201) showing it this once; the list never shows it or its hash", async () => {
    const { key } = await owner();
    const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
    const created = await create(key, { name: "deploy", scope: "read", expires_at: expiresAt });
    expect(created.status).toBe(201);
    expect(created.json).toEqual({
      id: expect.any(String),
      name: "deploy",
      prefix: (created.json.key as string).slice(0, 10),
      scope: "read",
      created_at: expect.stringMatching(/Z$/),
      expires_at: expiresAt,
      last_used_at: null,
      key: expect.stringMatching(/^vgl_[A-Za-z0-9_-]{32,}$/),
    });
    const list = await call(key, keysRoute.GET, "GET", "/api/v1/api-keys");
    expect(list.status).toBe(200);
    const keys = list.json.api_keys as Json[];
    expect(keys.map((k) => k.id)).toContain(created.json.id);
    expect(keys[0]).toEqual({ ...created.json, key: undefined });
    for (const k of keys) expect(Object.keys(k).sort()).not.toContain("key");
    expect(JSON.stringify(list.json)).not.toContain(created.json.key as string);
    expect(JSON.stringify(list.json)).not.toMatch(/hash/);
  });

  it("lets a read key GET (and HEAD) only: any write is 403, including on keys", async () => {
    const { key } = await owner();
    const reader = (await create(key, { name: "reader", scope: "read" })).json;
    const ro = reader.key as string;
    expect((await listMonitors(ro)).status).toBe(200);
    expect((await call(ro, monitorsRoute.GET, "HEAD", "/api/v1/monitors")).status).toBe(200);
    const readOnly = { status: 403, json: { error: "this API key is read-only" } };
    expect(
      await call(ro, heartbeatsRoute.POST, "POST", "/api/v1/heartbeats", {
        name: "x",
        interval_secs: 3600,
      }),
    ).toEqual(readOnly);
    expect(await create(ro, { name: "escalate", scope: "write" })).toEqual(readOnly);
    expect(await revoke(ro, reader.id as string)).toEqual(readOnly);
    expect((await call(ro, keysRoute.GET, "GET", "/api/v1/api-keys")).status).toBe(200);
  });

  it("keeps existing keys and keys created without a scope as write keys", async () => {
    const { key } = await owner();
    const created = await create(key, { name: "no scope" });
    expect(created.json).toMatchObject({ scope: "write", expires_at: null });
    const made = await call(
      created.json.key as string,
      heartbeatsRoute.POST,
      "POST",
      "/api/v1/heartbeats",
      {
        name: "nightly",
        interval_secs: 3600,
      },
    );
    expect(made.status).toBe(201);
  });

  it("refuses a revoked key from its very next request (401); revoking twice is 404", async () => {
    const { key } = await owner();
    const victim = (await create(key, { name: "leaked", scope: "write" })).json;
    expect((await listMonitors(victim.key as string)).status).toBe(200);
    expect(await revoke(key, victim.id as string)).toEqual({ status: 204, json: null });
    expect(await listMonitors(victim.key as string)).toEqual({
      status: 401,
      json: { error: "invalid API key" },
    });
    expect((await revoke(key, victim.id as string)).status).toBe(404);
    const list = (await call(key, keysRoute.GET, "GET", "/api/v1/api-keys")).json;
    expect((list.api_keys as Json[]).map((k) => k.id)).not.toContain(victim.id);
  });

  it("refuses an expired key with 401 API key expired", async () => {
    const { user, workspace } = await owner();
    const hourAgo = Date.now() - 3_600_000;
    const { key } = await createWorkspaceApiKey({
      ctx: {
        db: database.db,
        now: () => new Date(hourAgo - 60_000),
        actor: { userId: user.id },
        workspaceId: workspace.id,
      },
      input: { name: "short-lived", expiresAt: new Date(hourAgo).toISOString() },
    });
    expect(await listMonitors(key)).toEqual({ status: 401, json: { error: "API key expired" } });
  });

  it("lets a key make keys that neither outrank nor outlive it, so revoking or expiry cannot be undone", async () => {
    const { user, workspace } = await owner();
    const inADay = new Date(Date.now() + 86_400_000).toISOString();
    const { key } = await createWorkspaceApiKey({
      ctx: {
        db: database.db,
        now: systemClock,
        actor: { userId: user.id },
        workspaceId: workspace.id,
      },
      input: { name: "ci, one day", scope: "write", expiresAt: inADay },
    });
    const forever = await create(key, { name: "forever", scope: "write" });
    expect(forever.status).toBe(400);
    expect(forever.json.error).toMatch(/^expires_at: /);
    const later = new Date(Date.now() + 2 * 86_400_000).toISOString();
    expect((await create(key, { name: "later", expires_at: later })).status).toBe(400);
    const within = await create(key, { name: "within", expires_at: inADay });
    expect(within.status).toBe(201);
  });

  it("answers 404 for another workspace's key, with the body of an unknown one", async () => {
    const mine = await owner();
    const theirs = await owner();
    const id = (await create(theirs.key, { name: "theirs" })).json.id as string;
    const foreign = await revoke(mine.key, id);
    const unknown = await revoke(mine.key, "00000000-0000-4000-8000-000000000000");
    expect(foreign).toEqual({ status: 404, json: { error: "API key not found" } });
    expect(unknown).toEqual(foreign);
    expect(await revoke(mine.key, "not-a-uuid")).toEqual(foreign);
    const list = (await call(mine.key, keysRoute.GET, "GET", "/api/v1/api-keys")).json;
    expect((list.api_keys as Json[]).map((k) => k.id)).not.toContain(id);
    expect(
      (await listMonitors((await create(theirs.key, { name: "t" })).json.key as string)).status,
    ).toBe(200);
  });

  it.each([
    [{ name: "x", scope: "admin" }, "scope: Scope must be read or write"],
    [{ name: "", scope: "read" }, "name: Name must not be empty"],
    [{ scope: "read" }, "name: Name is required"],
    [
      { name: "x", expires_at: "next tuesday" },
      "expires_at: Expiry date must be an ISO 8601 time such as 2027-01-31T00:00:00Z",
    ],
    [
      { name: "x", expires_at: "2020-01-01T00:00:00Z" },
      "expires_at: Expiry date must be in the future",
    ],
    [{ name: "x", key: "vgl_mine" }, "unknown or read-only field key"],
  ])("refuses %j with a 400 naming the field", async (body, error) => {
    const { key } = await owner();
    expect(await create(key, body)).toEqual({ status: 400, json: { error } });
  });

  it("records last_used_at when a key is used, at most once a minute", async () => {
    const { key, user, workspace } = await owner();
    const used = (await create(key, { name: "used" })).json;
    await listMonitors(used.key as string);
    const seen = (
      (await call(key, keysRoute.GET, "GET", "/api/v1/api-keys")).json.api_keys as Json[]
    ).find((k) => k.id === used.id);
    expect(seen?.last_used_at).toEqual(expect.stringMatching(/Z$/));

    let at = Date.now();
    const ctx = { db: database.db, now: () => new Date(at) };
    const { key: fresh, id } = await createWorkspaceApiKey({
      ctx: { ...ctx, actor: { userId: user.id }, workspaceId: workspace.id },
      input: { name: "clocked" },
    });
    const lastUsed = async () =>
      ((await call(key, keysRoute.GET, "GET", "/api/v1/api-keys")).json.api_keys as Json[]).find(
        (k) => k.id === id,
      )?.last_used_at;
    await authenticateApiKey({ ctx, input: { key: fresh } });
    const first = await lastUsed();
    expect(first).toBe(new Date(at).toISOString());
    at += 59_000;
    await authenticateApiKey({ ctx, input: { key: fresh } });
    expect(await lastUsed()).toBe(first);
    at += 1_000;
    await authenticateApiKey({ ctx, input: { key: fresh } });
    expect(await lastUsed()).toBe(new Date(at).toISOString());
  });

  it("answers 401 without a key, with a malformed key and with an unknown key", async () => {
    const res = await keysRoute.GET(new Request("http://vigil.test/api/v1/api-keys"), {
      params: Promise.resolve({}),
    });
    expect(res.status).toBe(401);
    expect((await listMonitors("nope")).status).toBe(401);
    expect(await listMonitors(`vgl_${"a".repeat(43)}`)).toEqual({
      status: 401,
      json: { error: "invalid API key" },
    });
  });

  // Node A revokes through its own connection pool; node B, a second independent client of the
  // same PostgreSQL database that has already accepted the key, refuses it on the next request.
  // On PGlite there is one process: the node that revoked must refuse the key it accepted at once.
  it("a key revoked on one node is refused on another at once", async () => {
    const nodeB =
      testDbKind() === "postgres"
        ? await openDatabase({ kind: "postgres", url: database.url ?? "", max: 2 })
        : { db: database.db, close: async () => {} };
    try {
      const { key } = await owner();
      const victim = (await create(key, { name: "shared" })).json;
      const onB = () =>
        authenticateApiKey({
          ctx: { db: nodeB.db, now: systemClock },
          input: { key: victim.key as string },
        });
      await expect(onB()).resolves.toMatchObject({ apiKeyId: victim.id, scope: "write" });
      expect((await revoke(key, victim.id as string)).status).toBe(204);
      await expect(onB()).rejects.toMatchObject({
        code: "UNAUTHORIZED",
        message: "invalid API key",
      });
    } finally {
      await nodeB.close();
    }
  });
});

describe("the OpenAPI document", () => {
  it("describes creating, listing and revoking API keys", () => {
    const doc = openApiDocument("http://vigil.test/api/v1");
    expect(Object.keys(doc.paths?.["/api-keys"] ?? {})).toEqual(["get", "post"]);
    expect(Object.keys(doc.paths?.["/api-keys/{id}"] ?? {})).toEqual(["delete"]);
    const schemas = doc.components?.schemas ?? {};
    const created = schemas.ApiKeyCreated as { properties: Json };
    expect(Object.keys(created.properties)).toEqual(
      expect.arrayContaining(["key", "prefix", "scope", "expires_at", "last_used_at"]),
    );
    expect(JSON.stringify(schemas.ApiKey)).not.toContain('"key"');
  });
});
