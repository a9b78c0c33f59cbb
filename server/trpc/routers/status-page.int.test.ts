import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDbKind, type TestDatabase } from "@/db/testing/test-database";
import { makeUser } from "@/db/testing/factories";
import { makeMonitor } from "@/db/testing/make-monitor";
import { makeHeartbeat } from "@/db/testing/make-heartbeat";
import { setRuntime } from "@/server/runtime";
import { systemClock, type WorkspaceCtx } from "@/server/services/context";
import { SignInLimiter } from "@/server/services/auth/sign-in-limiter";
import { createCaller } from "@/server/trpc/root";
import { createTrpcContext } from "@/server/trpc/init";
import type { SessionUser } from "@/server/auth/get-session";
import { installTestRuntime } from "@/testing/runtime/test-runtime";

const BASE_URL = "https://vigil.example.com";
let counter = 0;
const freshSlug = (label = "page") => `${label}-${Date.now().toString(36)}-${counter++}`;

describe(`statusPage router on ${testDbKind()}`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    installTestRuntime(database, { VIGIL_BASE_URL: BASE_URL });
  });
  afterAll(async () => {
    setRuntime(undefined);
    await database.drop();
  });

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
        baseUrl: BASE_URL,
      }),
    );
  const ctxOf = (m: Awaited<ReturnType<typeof makeUser>>): WorkspaceCtx => ({
    db: database.db,
    now: systemClock,
    actor: { userId: m.user.id },
    workspaceId: m.workspace.id,
  });

  type Caller = ReturnType<typeof caller>;
  const everyProcedure = (id: string): [string, (c: Caller) => Promise<unknown>][] => [
    ["statusPage.get", (c) => c.statusPage.get({ id })],
    ["statusPage.update", (c) => c.statusPage.update({ id, changes: { title: "Stolen" } })],
    ["statusPage.delete", (c) => c.statusPage.delete({ id })],
    ["statusPage.subjects", (c) => c.statusPage.subjects({ id })],
    ["statusPage.setSubjects", (c) => c.statusPage.setSubjects({ id, items: [] })],
  ];

  it("refuses every procedure without a session (UNAUTHORIZED)", async () => {
    const anonymous = caller(null);
    const id = "00000000-0000-4000-8000-000000000000";
    for (const [name, call] of [
      ["statusPage.list", (c: Caller) => c.statusPage.list()] as const,
      [
        "statusPage.create",
        (c: Caller) => c.statusPage.create({ slug: freshSlug(), title: "x" }),
      ] as const,
      ...everyProcedure(id),
    ])
      await expect(call(anonymous), name).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("lets an outsider, even asking for the owner's workspace, neither see nor change a page (NOT_FOUND)", async () => {
    const owner = await makeUser(database.db);
    const outsider = await makeUser(database.db);
    const page = await caller(owner.user).statusPage.create({ slug: freshSlug(), title: "Mine" });
    const them = caller(outsider.user, owner.workspace.id);
    expect(await them.statusPage.list()).toEqual([]);
    for (const [name, call] of everyProcedure(page.id))
      await expect(call(them), name).rejects.toMatchObject({ code: "NOT_FOUND" });
    const still = await caller(owner.user).statusPage.get({ id: page.id });
    expect(still).toMatchObject({ id: page.id, title: "Mine" });
  });

  it("creates, lists, edits and deletes a page with its live URL", async () => {
    const { user } = await makeUser(database.db);
    const me = caller(user);
    const slug = freshSlug("acme");
    const page = await me.statusPage.create({ slug, title: "Acme" });
    expect(page).toMatchObject({
      slug,
      title: "Acme",
      description: "",
      visibility: "private",
      url: `${BASE_URL}/status/${slug}`,
    });
    expect((await me.statusPage.list()).map((p) => p.id)).toEqual([page.id]);
    const renamed = freshSlug("renamed");
    const edited = await me.statusPage.update({
      id: page.id,
      changes: { slug: renamed, visibility: "public", description: "Hello" },
    });
    expect(edited).toMatchObject({
      slug: renamed,
      visibility: "public",
      description: "Hello",
      url: `${BASE_URL}/status/${renamed}`,
    });
    await me.statusPage.delete({ id: page.id });
    expect(await me.statusPage.list()).toEqual([]);
  });

  it("maps slug problems to BAD_REQUEST naming slug, and a taken slug to CONFLICT on slug", async () => {
    const a = await makeUser(database.db);
    const b = await makeUser(database.db);
    await expect(
      caller(a.user).statusPage.create({ slug: "admin", title: "x" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { issues: [{ path: ["slug"], message: '"admin" is reserved; choose another' }] },
    });
    const slug = freshSlug();
    await caller(a.user).statusPage.create({ slug, title: "A" });
    await expect(caller(b.user).statusPage.create({ slug, title: "B" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: `slug "${slug}" is already taken; choose another`,
      cause: { details: { field: "slug" } },
    });
  });

  it("hides and orders subjects, and refuses a subject of another workspace", async () => {
    const owner = await makeUser(database.db);
    const other = await makeUser(database.db);
    const ctx = ctxOf(owner);
    const api = await makeMonitor(ctx, "https://api.example.com/", { name: "API", paused: true });
    const web = await makeMonitor(ctx, "https://www.example.com/", { name: "Web", paused: true });
    const job = await makeHeartbeat(ctx, { name: "backup" });
    const theirs = await makeHeartbeat(ctxOf(other), { name: "their job" });
    const me = caller(owner.user);
    const page = await me.statusPage.create({ slug: freshSlug(), title: "Subjects" });

    const before = await me.statusPage.subjects({ id: page.id });
    expect(before.monitors.map((s) => [s.name, s.hidden, s.position])).toEqual([
      ["API", false, null],
      ["Web", false, null],
    ]);
    expect(before.heartbeats.map((s) => s.id)).toEqual([job.id]);

    const after = await me.statusPage.setSubjects({
      id: page.id,
      items: [
        { subjectKind: "monitor", subjectId: web.id, hidden: false, position: 0 },
        { subjectKind: "monitor", subjectId: api.id, hidden: true, position: 1 },
        { subjectKind: "heartbeat", subjectId: job.id, hidden: false, position: 0 },
      ],
    });
    expect(after.monitors.map((s) => [s.name, s.hidden])).toEqual([
      ["Web", false],
      ["API", true],
    ]);
    expect(await me.statusPage.subjects({ id: page.id })).toEqual(after);

    await expect(
      me.statusPage.setSubjects({
        id: page.id,
        items: [{ subjectKind: "heartbeat", subjectId: theirs.id, hidden: true, position: null }],
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { details: { field: "items" } } });
    expect(await me.statusPage.subjects({ id: page.id })).toEqual(after);
  });
});
