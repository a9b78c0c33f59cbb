import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { heartbeats } from "@/db/schema";
import { createTestDatabase, testDbKind, type TestDatabase } from "@/db/testing/test-database";
import { makeUser } from "@/db/testing/factories";
import { makeMonitor } from "@/db/testing/make-monitor";
import { makeHeartbeat } from "@/db/testing/make-heartbeat";
import { setRuntime } from "@/server/runtime";
import { systemClock, type WorkspaceCtx } from "@/server/services/context";
import { SignInLimiter } from "@/server/services/auth/sign-in-limiter";
import { createApiKey } from "@/server/services/api-keys/create-api-key";
import { createStatusPage } from "@/server/services/status-pages/create-status-page";
import { createStatusPageInput } from "@/server/services/status-pages/status-page-settings";
import { listPageSubjects } from "@/server/services/status-pages/list-page-subjects";
import { getStatusPageView } from "@/server/services/status-pages/get-status-page-view";
import { createCaller } from "@/server/trpc/root";
import { createTrpcContext } from "@/server/trpc/init";
import * as monitorsRoute from "@/app/api/v1/monitors/route";
import * as heartbeatsRoute from "@/app/api/v1/heartbeats/route";
import * as statusPagesRoute from "@/app/api/v1/status-pages/route";
import { expectDocumented } from "@/server/http/api-v1/testing/expect-documented";
import { installTestRuntime } from "@/testing/runtime/test-runtime";

const BASE_URL = "https://vigil.example.com";
let counter = 0;
const freshSlug = () => `new-${Date.now().toString(36)}-${counter++}`;

describe(`where a new monitor or heartbeat shows, on ${testDbKind()}`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    installTestRuntime(database, { VIGIL_BASE_URL: BASE_URL });
  });
  afterAll(async () => {
    setRuntime(undefined);
    await database.drop();
  });

  async function workspace() {
    const member = await makeUser(database.db);
    const ctx: WorkspaceCtx = {
      db: database.db,
      now: systemClock,
      actor: { userId: member.user.id },
      workspaceId: member.workspace.id,
    };
    const page = (title: string, autoAddSubjects = true) =>
      createStatusPage({
        ctx,
        input: createStatusPageInput.parse({
          slug: freshSlug(),
          title,
          visibility: "public",
          autoAddSubjects,
        }),
      });
    return { ...member, ctx, page };
  }

  /** Which of these pages show the subject, by title. */
  async function shownOn(
    ctx: WorkspaceCtx,
    pages: { id: string; title: string }[],
    subjectId: string,
  ) {
    const shown: string[] = [];
    for (const p of pages) {
      const { monitors, heartbeats: jobs } = await listPageSubjects({
        ctx,
        input: { statusPageId: p.id },
      });
      const s = [...monitors, ...jobs].find((x) => x.id === subjectId);
      if (s && !s.hidden) shown.push(p.title);
    }
    return shown;
  }

  it("shows a new subject on every page that adds new ones automatically, and only there", async () => {
    const { ctx, page } = await workspace();
    const open = await page("Open");
    const curated = await page("Curated", false);
    const hb = await makeHeartbeat(ctx, { name: "nightly" });
    const m = await makeMonitor(ctx, "http://127.0.0.1:9/", { name: "API" });
    expect(await shownOn(ctx, [open, curated], hb.id)).toEqual(["Open"]);
    expect(await shownOn(ctx, [open, curated], m.id)).toEqual(["Open"]);
    // The anonymous page agrees: the job is on the open page, not on the curated one.
    const view = (p: typeof open) =>
      getStatusPageView(database.db, p, { now: new Date(), baseUrl: BASE_URL });
    expect((await view(open)).jobs.map((j) => j.name)).toEqual(["nightly"]);
    expect((await view(curated)).jobs).toEqual([]);
  });

  it("shows it exactly on the pages chosen at creation, whatever their setting", async () => {
    const { ctx, page } = await workspace();
    const a = await page("A");
    const b = await page("B");
    const c = await page("C", false);
    const hb = await makeHeartbeat(ctx, { statusPageIds: [a.id, c.id] });
    expect(await shownOn(ctx, [a, b, c], hb.id)).toEqual(["A", "C"]);
    const none = await makeMonitor(ctx, "http://127.0.0.1:9/", { statusPageIds: [] });
    expect(await shownOn(ctx, [a, b, c], none.id)).toEqual([]);
  });

  it("refuses a page of another workspace by naming the field, and creates nothing", async () => {
    const { ctx } = await workspace();
    const other = await workspace();
    const theirs = await other.page("Theirs");
    await expect(makeHeartbeat(ctx, { statusPageIds: [theirs.id] })).rejects.toMatchObject({
      code: "BAD_INPUT",
      details: { field: "status_page_ids" },
    });
    const [row] = await database.db
      .select({ n: count() })
      .from(heartbeats)
      .where(eq(heartbeats.workspaceId, ctx.workspaceId));
    expect(row?.n).toBe(0);
  });

  it("takes status_page_ids over REST and tRPC, and auto_add_subjects on a page", async () => {
    const { ctx, page, user, email } = await workspace();
    const { key } = await createApiKey({
      ctx: { db: database.db, now: systemClock },
      input: { email },
    });
    const post = async (route: { POST?: unknown }, path: string, body: unknown) => {
      const req = new Request(`${BASE_URL}/api/v1${path}`, {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      const handler = route.POST as (
        r: Request,
        c: { params: Promise<object> },
      ) => Promise<Response>;
      const res = await handler(req, { params: Promise.resolve({}) });
      await expectDocumented("POST", req.url, res);
      return { status: res.status, json: (await res.json()) as Record<string, unknown> };
    };
    const created = await post(statusPagesRoute, "/status-pages", {
      slug: freshSlug(),
      title: "Quiet",
      visibility: "public",
      auto_add_subjects: false,
    });
    expect(created.json).toMatchObject({ auto_add_subjects: false, show_job_failures: true });
    const quiet = { id: String(created.json.id), title: "Quiet" };
    const loud = await page("Loud");

    const job = await post(heartbeatsRoute, "/heartbeats", {
      name: "sync",
      interval_secs: 3600,
      status_page_ids: [quiet.id],
    });
    expect(job.status).toBe(201);
    expect(await shownOn(ctx, [quiet, loud], String(job.json.id))).toEqual(["Quiet"]);
    const monitor = await post(monitorsRoute, "/monitors", {
      name: "web",
      url: "https://example.com/",
    });
    expect(await shownOn(ctx, [quiet, loud], String(monitor.json.id))).toEqual(["Loud"]);
    const bad = await post(monitorsRoute, "/monitors", {
      name: "web",
      url: "https://example.com/",
      status_page_ids: ["not-a-page"],
    });
    expect(bad.status).toBe(400);
    expect(String(bad.json.error)).toMatch(/^status_page_ids/);

    const trpc = createCaller(
      createTrpcContext({
        db: database.db,
        user: { id: user.id, email, name: null },
        clientIp: "203.0.113.7",
        requestedWorkspaceId: null,
        signup: "open",
        privateTargets: "all",
        signInLimiter: new SignInLimiter({ perEmail: 10, perIp: 100, windowSecs: 900 }),
        baseUrl: BASE_URL,
      }),
    );
    const unticked = await trpc.monitor.create({
      name: "internal",
      url: "https://example.com/internal",
      statusPageIds: [],
    });
    expect(await shownOn(ctx, [quiet, loud], unticked.id)).toEqual([]);
  });
});
