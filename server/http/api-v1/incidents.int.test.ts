import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createTestDatabase, testDbKind, type TestDatabase } from "@/db/testing/test-database";
import { makeUser } from "@/db/testing/factories";
import { makeMonitor } from "@/db/testing/make-monitor";
import { monitors } from "@/db/schema";
import { setRuntime } from "@/server/runtime";
import { systemClock, type WorkspaceCtx } from "@/server/services/context";
import { createApiKey } from "@/server/services/api-keys/create-api-key";
import { createStatusPage } from "@/server/services/status-pages/create-status-page";
import { createStatusPageInput } from "@/server/services/status-pages/status-page-settings";
import { getStatusPageView } from "@/server/services/status-pages/get-status-page-view";
import { recordMonitorFlip } from "@/server/services/monitors/record-monitor-flip";
import { renderJson } from "@/server/http/status-pages/statuspage-json";
import { PublicPageCache } from "@/server/http/status-pages/page-cache";
import { PageDirectory } from "@/server/http/status-pages/page-directory";
import {
  invalidateOnEvents,
  PageInvalidator,
} from "@/server/http/status-pages/invalidate-on-events";
import * as collection from "@/app/api/v1/incidents/route";
import * as single from "@/app/api/v1/incidents/[id]/route";
import * as updates from "@/app/api/v1/incidents/[id]/updates/route";
import * as oneUpdate from "@/app/api/v1/incidents/[id]/updates/[updateId]/route";
import * as postmortem from "@/app/api/v1/incidents/[id]/postmortem/route";
import { expectDocumented } from "@/server/http/api-v1/testing/expect-documented";
import { installTestRuntime } from "@/testing/runtime/test-runtime";

const BASE_URL = "https://vigil.example.com";
type Handler = (
  req: Request,
  context: { params: Promise<Record<string, string>> },
) => Promise<Response>;
type Json = Record<string, unknown> & { updates?: { id: string; status: string }[] };

describe(`incidents REST API v1 on ${testDbKind()}`, () => {
  let database: TestDatabase;
  let stop = () => {};
  const cache = new PublicPageCache();

  beforeAll(async () => {
    database = await createTestDatabase();
    installTestRuntime(database, { VIGIL_BASE_URL: BASE_URL });
    stop = invalidateOnEvents(new PageInvalidator(cache, new PageDirectory(database.db)));
  });
  afterAll(async () => {
    stop();
    setRuntime(undefined);
    await database.drop();
  });

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
    const monitor = await makeMonitor(ctx, "http://127.0.0.1:9/", { name: "Payments API" });
    await database.db.update(monitors).set({ status: "up" }).where(eq(monitors.id, monitor.id));
    const call = (method: string, path: string, body?: unknown) => send(key, method, path, body);
    return { ctx, monitor, call };
  }

  async function send(key: string, method: string, path: string, body?: unknown) {
    const [, id, sub, updateId] = path.split("?")[0]!.split("/");
    const route =
      sub === "updates"
        ? updateId
          ? oneUpdate
          : updates
        : sub
          ? postmortem
          : id
            ? single
            : collection;
    const handler = (route as unknown as Record<string, Handler | undefined>)[method];
    if (!handler) throw new Error(`no ${method} handler for ${path}`);
    const req = new Request(`${BASE_URL}/api/v1/incidents${path}`, {
      method,
      headers: {
        authorization: `Bearer ${key}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const params: Record<string, string> = {
      ...(id ? { id } : {}),
      ...(updateId ? { updateId } : {}),
    };
    const res = await handler(req, { params: Promise.resolve(params) });
    await expectDocumented(method, req.url, res);
    const text = await res.text();
    return { status: res.status, json: (text ? JSON.parse(text) : null) as Json | null };
  }

  it("a manual incident and its updates reach the page, its summary.json and a dropped cache", async () => {
    const { ctx, monitor, call } = await member();
    const page = await createStatusPage({
      ctx,
      input: createStatusPageInput.parse({
        slug: `words-${Date.now()}`,
        title: "Words",
        visibility: "public",
      }),
    });
    const created = await call("POST", "", {
      title: "Slow payments",
      status: "investigating",
      body: "Looking into it.\nMore soon: https://example.com/x",
      subjects: [{ kind: "monitor", id: monitor.id, impact: "degraded_performance" }],
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      automatic: false,
      status: "investigating",
      impact: "minor",
    });
    const id = String(created.json?.id);

    cache.markIsrFresh(page.slug, ctx.workspaceId, cache.generation(page.slug));
    const before = cache.generation(page.slug);
    const update = await call("POST", `/${id}/updates`, {
      status: "identified",
      body: "A stuck queue.",
    });
    expect(update.status).toBe(201);
    // The commit's event dropped the page's copies before the call returned: a cold visitor renders anew.
    expect(cache.generation(page.slug)).toBeGreaterThan(before);
    expect(cache.isIsrFresh(page.slug)).toBe(false);

    const got = await call("GET", `/${id}`);
    expect(got.json?.updates?.map((u) => u.status)).toEqual(["identified", "investigating"]);
    expect((await call("GET", "?status=open")).json?.incidents).toHaveLength(1);
    expect((await call("GET", "?status=resolved")).json?.incidents).toHaveLength(0);

    const view = await getStatusPageView(database.db, page, { now: new Date(), baseUrl: BASE_URL });
    expect(view.services[0]).toMatchObject({ state: "up", status: "degraded_performance" });
    expect(view.overall.indicator).toBe("minor");
    const summary = renderJson("summary", view) as {
      incidents: {
        name: string;
        impact: string;
        incident_updates: { status: string; body: string }[];
        components: { status: string }[];
      }[];
    };
    const [incident] = summary.incidents;
    expect(incident).toMatchObject({ name: "Slow payments", impact: "minor" });
    expect(incident?.incident_updates.map((u) => [u.status, u.body])).toEqual([
      ["identified", "A stuck queue."],
      ["investigating", "Looking into it.\nMore soon: https://example.com/x"],
    ]);
    expect(incident?.components.map((c) => c.status)).toEqual(["degraded_performance"]);

    const resolved = await call("POST", `/${id}/updates`, { status: "resolved", body: "Fixed." });
    expect(resolved.status).toBe(201);
    const after = await getStatusPageView(database.db, page, {
      now: new Date(),
      baseUrl: BASE_URL,
    });
    expect(after.services[0]?.status).toBe("operational");
    expect(after.incidents[0]).toMatchObject({ id, status: "resolved" });
    const pm = await call("PUT", `/${id}/postmortem`, { postmortem: "The queue had no limit." });
    expect(pm.json).toMatchObject({ postmortem: "The queue had no limit.", status: "resolved" });
  });

  it("refuses to resolve an automatic incident whose checks still fail (409), and takes other updates", async () => {
    const { ctx, monitor, call } = await member();
    await database.db.update(monitors).set({ status: "down" }).where(eq(monitors.id, monitor.id));
    await ctx.db.transaction((tx) =>
      recordMonitorFlip(
        tx,
        monitor,
        { from: "up", to: "down", at: new Date() },
        "connection refused",
      ),
    );
    const [open] = (await call("GET", "?status=open")).json?.incidents as Json[];
    expect(open).toMatchObject({ automatic: true, title: "Payments API is down", impact: "major" });
    const refused = await call("POST", `/${String(open?.id)}/updates`, {
      status: "resolved",
      body: "Done?",
    });
    expect(refused.status).toBe(409);
    expect(String(refused.json?.error)).toMatch(/checks still fail/);
    const ok = await call("POST", `/${String(open?.id)}/updates`, {
      status: "monitoring",
      body: "A fix is rolling out.",
    });
    expect(ok.status).toBe(201);
    expect((await call("DELETE", `/${String(open?.id)}`)).status).toBe(409);
  });

  it("answers 404 for another workspace's subjects and incidents, and for updates on a deleted one", async () => {
    const owner = await member();
    const outsider = await member();
    const theirs = await owner.call("POST", "", {
      title: "Theirs",
      body: "x",
      subjects: [{ kind: "monitor", id: owner.monitor.id, impact: "major_outage" }],
    });
    const id = String(theirs.json?.id);
    const foreign = await outsider.call("POST", "", {
      title: "Mine",
      body: "x",
      subjects: [{ kind: "monitor", id: owner.monitor.id, impact: "major_outage" }],
    });
    expect(foreign).toEqual({
      status: 404,
      json: { error: "subjects[0]: no such monitor in this workspace" },
    });
    expect((await outsider.call("GET", `/${id}`)).status).toBe(404);
    expect(
      (await outsider.call("POST", `/${id}/updates`, { status: "identified", body: "x" })).status,
    ).toBe(404);
    const updateId = String(theirs.json?.updates?.[0]?.id);
    expect(
      (await outsider.call("PATCH", `/${id}/updates/${updateId}`, { body: "stolen" })).status,
    ).toBe(404);

    const edited = await owner.call("PATCH", `/${id}/updates/${updateId}`, { body: "Rewritten." });
    expect(edited.json).toMatchObject({ body: "Rewritten." });
    expect(edited.json?.edited_at).not.toBeNull();

    expect((await owner.call("DELETE", `/${id}`)).status).toBe(204);
    expect(
      (await owner.call("POST", `/${id}/updates`, { status: "identified", body: "x" })).status,
    ).toBe(404);
  });

  it("names the field of bad input", async () => {
    const { call } = await member();
    const empty = await call("POST", "", { title: "T", body: "   " });
    expect(empty).toEqual({ status: 400, json: { error: "body: Request body must not be empty" } });
    const long = await call("POST", "", { title: "T", body: "x".repeat(5001) });
    expect(long).toEqual({
      status: 400,
      json: { error: "body: Request body must be at most 5,000 characters" },
    });
    expect((await call("GET", "?status=maybe")).status).toBe(400);
  });
});
