import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDbKind, type TestDatabase } from "@/db/testing/test-database";
import { makeUser } from "@/db/testing/factories";
import { makeMonitor } from "@/db/testing/make-monitor";
import { makeHeartbeat } from "@/db/testing/make-heartbeat";
import { setRuntime } from "@/server/runtime";
import { systemClock, type WorkspaceCtx } from "@/server/services/context";
import { ServiceError } from "@/server/services/errors";
import { createApiKey } from "@/server/services/api-keys/create-api-key";
import { createStatusPage } from "@/server/services/status-pages/create-status-page";
import * as collection from "@/app/api/v1/status-pages/route";
import * as single from "@/app/api/v1/status-pages/[id]/route";
import * as items from "@/app/api/v1/status-pages/[id]/items/route";
import { expectDocumented } from "@/server/http/api-v1/testing/expect-documented";
import { createStatusPageInput } from "@/server/services/status-pages/status-page-settings";
import { installTestRuntime } from "@/testing/runtime/test-runtime";

const BASE_URL = "https://vigil.example.com";

type Handler = (
  req: Request,
  context: { params: Promise<Record<string, string>> },
) => Promise<Response>;

/** One badly formed slug per rule, with the words the form and the API show for it. */
const BAD_SLUGS: [string, string][] = [
  ["", "must be at least 3 characters"],
  ["ab", "must be at least 3 characters"],
  ["a".repeat(49), "must be at most 48 characters"],
  ["Bar-Co", "may contain only lowercase letters a–z, digits and dashes"],
  ["bar_co", "may contain only lowercase letters a–z, digits and dashes"],
  ["bar co", "may contain only lowercase letters a–z, digits and dashes"],
  ["café", "may contain only lowercase letters a–z, digits and dashes"],
  ["-bar", "must not start or end with a dash"],
  ["bar-", "must not start or end with a dash"],
  ["bar--co", "must not contain two dashes in a row"],
  ["admin", '"admin" is reserved; choose another'],
  ["api", '"api" is reserved; choose another'],
  ["new", '"new" is reserved; choose another'],
  ["settings", '"settings" is reserved; choose another'],
  ["status", '"status" is reserved; choose another'],
];

let counter = 0;
const freshSlug = (label = "page") => `${label}-${Date.now().toString(36)}-${counter++}`;

describe(`status pages REST API v1 on ${testDbKind()}`, () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
    installTestRuntime(database, { VIGIL_BASE_URL: BASE_URL });
  });
  afterAll(async () => {
    setRuntime(undefined);
    await database.drop();
  });

  /** A fresh workspace with an API key, and a way to call the API as it. */
  async function member() {
    const { user, workspace, email } = await makeUser(database.db);
    const { key } = await createApiKey({
      ctx: { db: database.db, now: systemClock },
      input: { email },
    });
    const ctx: WorkspaceCtx = {
      db: database.db,
      now: systemClock,
      actor: { userId: user.id },
      workspaceId: workspace.id,
    };
    const call = (method: string, path: string, body?: unknown, auth = `Bearer ${key}`) =>
      send(method, path, body, auth);
    return { ctx, key, call };
  }

  async function send(method: string, path: string, body?: unknown, auth?: string) {
    const segments = path.split("/").filter(Boolean);
    const [id, sub] = segments;
    const route = sub === "items" ? items : id ? single : collection;
    const handler = (route as unknown as Record<string, Handler | undefined>)[method];
    if (!handler) throw new Error(`no ${method} handler for ${path}`);
    const req = new Request(`${BASE_URL}/api/v1/status-pages${path}`, {
      method,
      headers: {
        ...(auth ? { authorization: auth } : {}),
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    const params: Record<string, string> = id ? { id } : {};
    const res = await handler(req, { params: Promise.resolve(params) });
    await expectDocumented(method, req.url, res);
    const text = await res.text();
    return {
      status: res.status,
      json: text ? (JSON.parse(text) as Record<string, unknown>) : null,
    };
  }

  it.each(BAD_SLUGS)("the service refuses the slug %j: %s", async (slug, problem) => {
    const { ctx } = await member();
    const input = { ...createStatusPageInput.parse({ slug: "bar-co", title: "Bar Co" }), slug };
    const error = await createStatusPage({ ctx, input }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceError);
    expect(error).toMatchObject({
      code: "BAD_INPUT",
      message: `slug: Slug ${problem}`,
      details: { field: "slug" },
    });
  });

  it.each(BAD_SLUGS)(
    "POST answers 400 for the slug %j, naming the field",
    async (slug, problem) => {
      const { call } = await member();
      const res = await call("POST", "/", { slug, title: "Bar Co" });
      expect(res).toEqual({ status: 400, json: { error: `slug: Slug ${problem}` } });
    },
  );

  it.each(BAD_SLUGS)(
    "PATCH answers 400 for the slug %j and keeps the old one",
    async (slug, problem) => {
      const { call } = await member();
      const good = freshSlug();
      const created = await call("POST", "/", { slug: good, title: "Bar Co" });
      const res = await call("PATCH", `/${String(created.json?.id)}`, { slug });
      expect(res).toEqual({ status: 400, json: { error: `slug: Slug ${problem}` } });
      expect((await call("GET", `/${String(created.json?.id)}`)).json?.slug).toBe(good);
    },
  );

  it("creates a private page by default, with its URL and ISO timestamps, and round-trips it", async () => {
    const { call } = await member();
    const slug = freshSlug("acme");
    const created = await call("POST", "/", { slug, title: "Acme", description: "Our services" });
    expect(created.status).toBe(201);
    expect(created.json).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      slug,
      title: "Acme",
      description: "Our services",
      visibility: "private",
      show_job_failures: true,
      auto_add_subjects: true,
      url: `${BASE_URL}/status/${slug}`,
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      updated_at: expect.stringMatching(/Z$/),
    });
    const id = String(created.json?.id);
    expect(await call("GET", `/${id}`)).toEqual({ status: 200, json: created.json });
    expect(await call("GET", "/")).toEqual({ status: 200, json: { status_pages: [created.json] } });

    const patched = await call("PATCH", `/${id}`, { visibility: "public" });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({ slug, title: "Acme", visibility: "public" });
    const calm = await call("PATCH", `/${id}`, { show_job_failures: false });
    expect(calm.json).toMatchObject({ visibility: "public", show_job_failures: false });
    expect((await call("PATCH", `/${id}`, { show_job_failures: "no" })).status).toBe(400);

    const second = await call("POST", "/", {
      slug: freshSlug(),
      title: "Second",
      visibility: "public",
    });
    expect(second.json).toMatchObject({ visibility: "public", description: "" });
    const list = await call("GET", "/");
    expect((list.json?.status_pages as { id: string }[]).map((p) => p.id)).toEqual([
      second.json?.id,
      id,
    ]);

    expect(await call("DELETE", `/${id}`)).toEqual({ status: 204, json: null });
    expect(await call("GET", `/${id}`)).toEqual({
      status: 404,
      json: { error: "status page not found" },
    });
  });

  it("answers 404 with the same body for another workspace's page and for no page at all", async () => {
    const owner = await member();
    const outsider = await member();
    const created = await owner.call("POST", "/", { slug: freshSlug(), title: "Mine" });
    const id = String(created.json?.id);
    const missing = { status: 404, json: { error: "status page not found" } };
    for (const target of [id, "00000000-0000-4000-8000-000000000000", "not-a-uuid"]) {
      expect(await outsider.call("GET", `/${target}`)).toEqual(missing);
      expect(await outsider.call("PATCH", `/${target}`, { title: "Stolen" })).toEqual(missing);
      expect(await outsider.call("DELETE", `/${target}`)).toEqual(missing);
      expect(await outsider.call("GET", `/${target}/items`)).toEqual(missing);
      expect(await outsider.call("PUT", `/${target}/items`, { items: [] })).toEqual(missing);
    }
    expect(await outsider.call("GET", "/")).toEqual({ status: 200, json: { status_pages: [] } });
    expect((await owner.call("GET", `/${id}`)).json?.title).toBe("Mine");
  });

  it("answers 401 without a key or with a bad one", async () => {
    const { call } = await member();
    const created = await call("POST", "/", { slug: freshSlug(), title: "Mine" });
    const id = String(created.json?.id);
    for (const auth of [undefined, "Bearer vgl_not-a-real-key-000000000000000000000"]) {
      for (const [method, path, body] of [
        ["GET", "/", undefined],
        ["POST", "/", { slug: freshSlug(), title: "x" }],
        ["GET", `/${id}`, undefined],
        ["PATCH", `/${id}`, { title: "x" }],
        ["DELETE", `/${id}`, undefined],
        ["GET", `/${id}/items`, undefined],
        ["PUT", `/${id}/items`, { items: [] }],
      ] as const) {
        const res = await send(method, path, body, auth);
        expect(res.status).toBe(401);
        expect(res.json).toEqual({ error: expect.any(String) });
      }
    }
    expect((await call("GET", `/${id}`)).json?.title).toBe("Mine");
  });

  it("refuses unknown and read-only fields, bad visibility and bad JSON with 400", async () => {
    const { call } = await member();
    const slug = freshSlug();
    expect(await call("POST", "/", { slug, title: "x", theme: "dark" })).toEqual({
      status: 400,
      json: { error: "unknown or read-only field theme" },
    });
    expect(await call("POST", "/", { slug, title: "x", url: "https://evil" })).toEqual({
      status: 400,
      json: { error: "unknown or read-only field url" },
    });
    expect(await call("POST", "/", { slug, title: "x", visibility: "secret" })).toEqual({
      status: 400,
      json: { error: 'visibility: Visibility must be "public" or "private"' },
    });
    expect(await call("POST", "/", { slug, title: "  " })).toEqual({
      status: 400,
      json: { error: "title: Title must not be empty" },
    });
    expect(await call("POST", "/", { title: "x" })).toMatchObject({ status: 400 });
    expect((await call("POST", "/", { title: "x" })).json?.error).toMatch(/^slug: /);
    expect(await call("POST", "/", "{not json")).toEqual({
      status: 400,
      json: { error: "request body is not valid JSON" },
    });
    const created = await call("POST", "/", { slug, title: "x" });
    expect(await call("PATCH", `/${String(created.json?.id)}`, { id: "x" })).toEqual({
      status: 400,
      json: { error: "unknown or read-only field id" },
    });
  });

  it("answers 409 when another workspace holds the slug, and frees a slug on rename and on delete", async () => {
    const a = await member();
    const b = await member();
    const slug = freshSlug("taken");
    const first = await a.call("POST", "/", { slug, title: "A" });
    expect(first.status).toBe(201);
    const conflict = {
      status: 409,
      json: { error: `slug "${slug}" is already taken; choose another` },
    };
    expect(await b.call("POST", "/", { slug, title: "B" })).toEqual(conflict);
    expect(await a.call("POST", "/", { slug, title: "A again" })).toEqual(conflict);
    const bPage = await b.call("POST", "/", { slug: freshSlug(), title: "B" });
    expect(await b.call("PATCH", `/${String(bPage.json?.id)}`, { slug })).toEqual(conflict);

    const renamed = freshSlug("renamed");
    const moved = await a.call("PATCH", `/${String(first.json?.id)}`, { slug: renamed });
    expect(moved.json).toMatchObject({ slug: renamed, url: `${BASE_URL}/status/${renamed}` });
    const taken = await b.call("PATCH", `/${String(bPage.json?.id)}`, { slug });
    expect(taken).toMatchObject({ status: 200, json: { slug } });

    expect((await b.call("POST", "/", { slug: renamed, title: "B" })).status).toBe(409);
    expect((await a.call("DELETE", `/${String(first.json?.id)}`)).status).toBe(204);
    expect((await b.call("POST", "/", { slug: renamed, title: "B" })).status).toBe(201);
  });

  it("lists every monitor and heartbeat as items, hides and orders them, and refuses another workspace's subject", async () => {
    const { ctx, call } = await member();
    const other = await member();
    const api = await makeMonitor(ctx, "https://api.example.com/", { name: "API", paused: true });
    const web = await makeMonitor(ctx, "https://www.example.com/", { name: "Web", paused: true });
    const job = await makeHeartbeat(ctx, { name: "backup" });
    const foreign = await makeMonitor(other.ctx, "https://other.example.com/", { paused: true });
    const page = await call("POST", "/", { slug: freshSlug(), title: "Items" });
    const id = String(page.json?.id);

    expect(await call("GET", `/${id}/items`)).toEqual({
      status: 200,
      json: {
        items: [
          {
            subject_kind: "monitor",
            subject_id: api.id,
            name: "API",
            hidden: false,
            position: null,
          },
          {
            subject_kind: "monitor",
            subject_id: web.id,
            name: "Web",
            hidden: false,
            position: null,
          },
          {
            subject_kind: "heartbeat",
            subject_id: job.id,
            name: "backup",
            hidden: false,
            position: null,
          },
        ],
      },
    });

    const put = await call("PUT", `/${id}/items`, {
      items: [
        { subject_kind: "monitor", subject_id: web.id, hidden: false, position: 0 },
        { subject_kind: "monitor", subject_id: api.id, hidden: true, position: 1 },
      ],
    });
    expect(put.status).toBe(200);
    expect(put.json?.items).toEqual([
      { subject_kind: "monitor", subject_id: web.id, name: "Web", hidden: false, position: 0 },
      { subject_kind: "monitor", subject_id: api.id, name: "API", hidden: true, position: 1 },
      {
        subject_kind: "heartbeat",
        subject_id: job.id,
        name: "backup",
        hidden: false,
        position: null,
      },
    ]);
    expect((await call("GET", `/${id}/items`)).json).toEqual(put.json);

    const late = await makeMonitor(ctx, "https://new.example.com/", {
      name: "Added later",
      paused: true,
    });
    const after = (await call("GET", `/${id}/items`)).json?.items as { subject_id: string }[];
    expect(after.map((i) => i.subject_id)).toEqual([web.id, api.id, late.id, job.id]);

    expect(
      await call("PUT", `/${id}/items`, {
        items: [{ subject_kind: "monitor", subject_id: foreign.id, hidden: true, position: null }],
      }),
    ).toEqual({
      status: 400,
      json: { error: "items: a subject is not a monitor or heartbeat of this workspace" },
    });
    expect(
      await call("PUT", `/${id}/items`, {
        items: [{ subject_kind: "heartbeat", subject_id: api.id, hidden: true, position: null }],
      }),
    ).toMatchObject({ status: 400 });
    expect(
      await call("PUT", `/${id}/items`, {
        items: [{ subject_kind: "monitor", subject_id: api.id, hidden: true, colour: "red" }],
      }),
    ).toMatchObject({
      status: 400,
      json: { error: expect.stringMatching(/unknown field colour/) },
    });
    expect(
      await call("PUT", `/${id}/items`, {
        items: [{ subject_kind: "monitor", subject_id: "nope", hidden: true }],
      }),
    ).toEqual({
      status: 400,
      json: {
        error: "items.[0].subject_id: Subjects, entry 1: subject must be a monitor or heartbeat id",
      },
    });
    expect((await call("GET", `/${id}/items`)).json?.items).toEqual(after);

    const cleared = await call("PUT", `/${id}/items`, { items: [] });
    expect((cleared.json?.items as { hidden: boolean }[]).every((i) => !i.hidden)).toBe(true);
  });
});
