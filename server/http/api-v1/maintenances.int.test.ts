import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createTestDatabase, testDbKind, type TestDatabase } from "@/db/testing/test-database";
import { makeUser } from "@/db/testing/factories";
import { makeMonitor } from "@/db/testing/make-monitor";
import { monitors, type Monitor } from "@/db/schema";
import { setRuntime } from "@/server/runtime";
import { systemClock, type WorkspaceCtx } from "@/server/services/context";
import { createApiKey } from "@/server/services/api-keys/create-api-key";
import { createStatusPage } from "@/server/services/status-pages/create-status-page";
import { createStatusPageInput } from "@/server/services/status-pages/status-page-settings";
import { getStatusPageView } from "@/server/services/status-pages/get-status-page-view";
import { recordMonitorFlip } from "@/server/services/monitors/record-monitor-flip";
import { renderJson } from "@/server/http/status-pages/statuspage-json";
import * as collection from "@/app/api/v1/maintenances/route";
import * as single from "@/app/api/v1/maintenances/[id]/route";
import * as updates from "@/app/api/v1/maintenances/[id]/updates/route";
import { expectDocumented } from "@/server/http/api-v1/testing/expect-documented";
import { installTestRuntime } from "@/testing/runtime/test-runtime";

const BASE_URL = "https://vigil.example.com";
type Handler = (req: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Json = Record<string, unknown>;
type Scheduled = {
  id: string;
  name: string;
  status: string;
  impact: string;
  scheduled_for: string;
  scheduled_until: string;
  resolved_at: string | null;
  incident_updates: { status: string; body: string }[];
  components: { id: string; status: string }[];
};
const iso = (offsetSecs: number) => new Date(Date.now() + offsetSecs * 1000).toISOString();

describe(`maintenance REST API v1 and Statuspage JSON on ${testDbKind()}`, () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
    installTestRuntime(database, { VIGIL_BASE_URL: BASE_URL });
  }, 300_000);
  afterAll(async () => {
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
    const monitor = await makeMonitor(ctx, "http://127.0.0.1:9/", { name: "db-primary" });
    await database.db.update(monitors).set({ status: "up" }).where(eq(monitors.id, monitor.id));
    const page = await createStatusPage({
      ctx,
      input: createStatusPageInput.parse({
        slug: `mw-${Date.now()}-${Math.random().toString(36).slice(2, 6)}`,
        title: "Words",
        visibility: "public",
      }),
    });
    const call = (method: string, path: string, body?: unknown) => send(key, method, path, body);
    const view = (now = new Date()) =>
      getStatusPageView(database.db, page, { now, baseUrl: BASE_URL });
    return { ctx, monitor, call, view };
  }

  async function send(key: string, method: string, path: string, body?: unknown) {
    const [, id, sub] = path.split("/");
    const route = sub === "updates" ? updates : id ? single : collection;
    const handler = (route as unknown as Record<string, Handler | undefined>)[method];
    if (!handler) throw new Error(`no ${method} handler for ${path}`);
    const req = new Request(`${BASE_URL}/api/v1/maintenances${path}`, {
      method,
      headers: {
        authorization: `Bearer ${key}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const params: Record<string, string> = id ? { id } : {};
    const res = await handler(req, { params: Promise.resolve(params) });
    await expectDocumented(method, req.url, res);
    const text = await res.text();
    return { status: res.status, json: (text ? JSON.parse(text) : null) as Json | null };
  }

  const oneOff = (monitor: Monitor, from: number, to: number) => ({
    title: "DB upgrade",
    body: "Upgrading PostgreSQL.",
    subjects: [{ kind: "monitor", id: monitor.id }],
    starts_at: iso(from),
    ends_at: iso(to),
  });
  const doc = (
    kind: Parameters<typeof renderJson>[0],
    v: Awaited<ReturnType<typeof getStatusPageView>>,
  ) => (renderJson(kind, v) as { scheduled_maintenances: Scheduled[] }).scheduled_maintenances;

  it("puts a running window's subjects under maintenance, in the page and every maintenance document", async () => {
    const { monitor, call, view } = await member();
    const created = await call("POST", "", oneOff(monitor, -1, 3600));
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      status: "in_progress",
      subjects: [{ kind: "monitor", id: monitor.id, name: "db-primary" }],
    });
    const later = await call("POST", "", {
      ...oneOff(monitor, 2 * 86_400, 2 * 86_400 + 3600),
      title: "Failover test",
    });
    expect(later.json).toMatchObject({ status: "scheduled" });
    expect((await call("GET", "")).json?.maintenances).toHaveLength(2);
    expect((await call("GET", `/${String(created.json?.id)}`)).status).toBe(200);

    const v = await view();
    expect(v.services[0]).toMatchObject({ state: "up", status: "under_maintenance" });
    const components = (renderJson("components", v) as { components: { status: string }[] })
      .components;
    expect(components[0]?.status).toBe("under_maintenance");
    const [active] = doc("maintenances-active", v);
    expect(active).toMatchObject({
      id: created.json?.id,
      name: "DB upgrade",
      status: "in_progress",
      impact: "maintenance",
      resolved_at: null,
      scheduled_until: created.json?.ends_at,
      components: [{ id: monitor.id, status: "under_maintenance" }],
      incident_updates: [{ status: "scheduled", body: "Upgrading PostgreSQL." }],
    });
    expect(doc("maintenances-upcoming", v).map((m) => [m.name, m.status])).toEqual([
      ["Failover test", "scheduled"],
    ]);
    expect(doc("summary", v).map((m) => m.name)).toEqual(["DB upgrade", "Failover test"]);
  });

  it("ends early, takes updates, and lists the completed window in scheduled-maintenances.json", async () => {
    const { monitor, call, view } = await member();
    const { json } = await call("POST", "", oneOff(monitor, -1, 3600));
    const id = String(json?.id);
    const posted = await call("POST", `/${id}/updates`, {
      status: "verifying",
      body: "Checking replicas.",
    });
    expect(posted.status).toBe(201);
    expect(doc("maintenances-active", await view())[0]?.status).toBe("verifying");
    const ended = await call("PATCH", `/${id}`, { status: "completed" });
    expect(ended.json).toMatchObject({ status: "completed" });
    expect((await call("PATCH", `/${id}`, { status: "completed" })).status).toBe(409);
    const v = await view();
    expect(v.services[0]?.status).toBe("operational");
    expect(doc("maintenances-active", v)).toEqual([]);
    expect(doc("summary", v)).toEqual([]);
    const [done] = doc("maintenances", v);
    expect(done).toMatchObject({ id, status: "completed", resolved_at: ended.json?.ends_at });
    expect(done?.incident_updates.map((u) => u.status)).toEqual(["verifying", "scheduled"]);
    expect((await call("DELETE", `/${id}`)).status).toBe(204);
    expect((await call("GET", `/${id}`)).status).toBe(404);
  });

  it.each([
    ["an end before the start", { starts_at: iso(7200), ends_at: iso(3600) }, 400, "ends_at"],
    ["a window over 7 days", { starts_at: iso(60), ends_at: iso(8 * 86_400) }, 400, "7 days"],
    ["a cron that never fires", { schedule: "0 0 30 2 *", duration_secs: 3600 }, 400, "schedule"],
    ["an unknown zone", { schedule: "0 2 * * 0", duration_secs: 7200, tz: "Mars/Base" }, 400, "tz"],
    [
      "a duration under a minute",
      { schedule: "0 2 * * 0", duration_secs: 5 },
      400,
      "duration_secs",
    ],
    ["an unknown field", { starts_at: iso(60), ends_at: iso(120), colour: "red" }, 400, "colour"],
  ])("refuses %s with a field error", async (_name, timing, status, words) => {
    const { call } = await member();
    const res = await call("POST", "", { title: "Bad", ...timing });
    expect(res.status).toBe(status);
    expect(String(res.json?.error)).toContain(words);
  });

  it("answers 404 for another workspace's subjects and maintenances", async () => {
    const a = await member();
    const b = await member();
    expect((await b.call("POST", "", oneOff(a.monitor, 60, 3600))).status).toBe(404);
    const { json } = await a.call("POST", "", oneOff(a.monitor, 60, 3600));
    const id = String(json?.id);
    expect((await b.call("GET", `/${id}`)).status).toBe(404);
    expect((await b.call("PATCH", `/${id}`, { status: "cancelled" })).status).toBe(404);
    expect(
      (await b.call("POST", `/${id}/updates`, { status: "in_progress", body: "x" })).status,
    ).toBe(404);
    expect((await b.call("DELETE", `/${id}`)).status).toBe(404);
  });

  it("leaves maintenance time out of uptime and the bars, and says how long it was", async () => {
    const { ctx, monitor, call, view } = await member();
    await call("POST", "", oneOff(monitor, 0, 1200));
    const flip = (at: number, from: "up" | "down", to: "up" | "down") =>
      ctx.db.transaction((tx) =>
        recordMonitorFlip(tx, monitor, { from, to, at: new Date(Date.now() + at * 1000) }, null),
      );
    await flip(-3600, "up", "up");
    await flip(60, "up", "down");
    await flip(600, "down", "up");
    const v = await view(new Date(Date.now() + 1800_000));
    expect(v.services[0]?.uptime30d).toBe(1);
    expect(v.services[0]?.maintenanceDays).toMatch(/^\d+:1[12]\d\d$/);
  });
});
