import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDbKind, type TestDatabase } from "@/db/testing/test-database";
import { makeUser } from "@/db/testing/factories";
import { setRuntime } from "@/server/runtime";
import { createApiKey } from "@/server/services/api-keys/create-api-key";
import { systemClock, type WorkspaceCtx } from "@/server/services/context";
import { runCheck } from "@/server/services/checks/run-due-checks";
import { PingBatcher } from "@/server/http/ping-batcher";
import { handlePing } from "@/server/http/ping-handler";
import { startTestTarget, type TestTarget } from "@/testing/checks/start-test-target";
import { expectDocumented } from "@/server/http/api-v1/testing/expect-documented";
import * as heartbeatsRoute from "@/app/api/v1/heartbeats/route";
import * as heartbeatRoute from "@/app/api/v1/heartbeats/[id]/route";
import * as heartbeatPauseRoute from "@/app/api/v1/heartbeats/[id]/pause/route";
import * as heartbeatResumeRoute from "@/app/api/v1/heartbeats/[id]/resume/route";
import * as pingsRoute from "@/app/api/v1/heartbeats/[id]/pings/route";
import * as monitorsRoute from "@/app/api/v1/monitors/route";
import * as monitorRoute from "@/app/api/v1/monitors/[id]/route";
import * as checksRoute from "@/app/api/v1/monitors/[id]/checks/route";
import { installTestRuntime } from "@/testing/runtime/test-runtime";

// Each `it` sends exactly what one method of Tickstem's SDKs sends (tickstem/node
// packages/*/src/client.ts, tickstem/python tickstem/*.py) and checks every field that method reads.

type Json = Record<string, unknown>;
type Handler = (
  req: Request,
  ctx: { params: Promise<Record<string, string>> },
) => Promise<Response>;
type Sdk = "node" | "python";
// A route module also exports Next's settings (`dynamic`), which are not handlers.
type RouteModule = Partial<Record<"GET" | "POST" | "PATCH" | "PUT" | "DELETE", Handler>>;

const ROUTES: [RegExp, RouteModule][] = [
  [/^\/heartbeats$/, heartbeatsRoute],
  [/^\/heartbeats\/(?<id>[^/]+)$/, heartbeatRoute],
  [/^\/heartbeats\/(?<id>[^/]+)\/pause$/, heartbeatPauseRoute],
  [/^\/heartbeats\/(?<id>[^/]+)\/resume$/, heartbeatResumeRoute],
  [/^\/heartbeats\/(?<id>[^/]+)\/pings$/, pingsRoute],
  [/^\/monitors$/, monitorsRoute],
  [/^\/monitors\/(?<id>[^/]+)$/, monitorRoute],
  [/^\/monitors\/(?<id>[^/]+)\/checks$/, checksRoute],
];

/** The headers each SDK's request() sets (Node: all four always; Python: Content-Type with a body). */
function sdkHeaders(sdk: Sdk, key: string | null, hasBody: boolean): Record<string, string> {
  const headers: Record<string, string> = {
    "User-Agent": sdk === "node" ? "tickstem-node/0.1.0" : "tickstem-python/0.1.0",
    Accept: "application/json",
  };
  if (key !== null) headers.Authorization = `Bearer ${key}`;
  if (sdk === "node" || hasBody) headers["Content-Type"] = "application/json";
  return headers;
}

/**
 * What both SDKs make of an answer: a 2xx body parsed as JSON, otherwise the `error` message.
 * Every answer must match the generated OpenAPI document too.
 */
async function sdkReads(
  method: string,
  path: string,
  res: Response,
): Promise<{ status: number; data: unknown }> {
  await expectDocumented(method, path, res);
  const text = await res.text();
  if (!res.ok) {
    const parsed = JSON.parse(text) as Json;
    expect(typeof parsed.error).toBe("string");
    return { status: res.status, data: parsed };
  }
  return { status: res.status, data: text ? (JSON.parse(text) as unknown) : undefined };
}

type FieldType = "string" | "number" | "string|null" | "number|null" | "array";
const HEARTBEAT: Record<string, FieldType> = {
  id: "string",
  name: "string",
  token: "string",
  interval_secs: "number",
  grace_secs: "number",
  status: "string",
  consecutive_misses: "number",
  last_pinged_at: "string|null",
  next_expected_at: "string|null",
  created_at: "string",
  updated_at: "string",
};
const PING: Record<string, FieldType> = {
  id: "string",
  heartbeat_id: "string",
  pinged_at: "string",
};
const MONITOR: Record<string, FieldType> = {
  id: "string",
  name: "string",
  url: "string",
  interval_secs: "number",
  timeout_secs: "number",
  status: "string",
  ssl_expires_at: "string|null",
  next_check_at: "string|null",
  assertions: "array",
  created_at: "string",
  updated_at: "string",
};
const CHECK: Record<string, FieldType> = {
  id: "string",
  monitor_id: "string",
  status: "string",
  status_code: "number|null",
  duration_ms: "number",
  error: "string|null",
  ssl_expires_at: "string|null",
  checked_at: "string",
};

function expectFields(value: unknown, fields: Record<string, FieldType>): Json {
  expect(value).toBeTypeOf("object");
  const obj = value as Json;
  for (const [name, type] of Object.entries(fields)) {
    expect(obj, `field ${name}`).toHaveProperty(name);
    const v = obj[name];
    const ok =
      type === "array"
        ? Array.isArray(v)
        : type.split("|").some((t) => (t === "null" ? v === null : typeof v === t));
    expect(ok, `${name} should be ${type}, is ${JSON.stringify(v)}`).toBe(true);
  }
  if (Array.isArray(obj.assertions))
    for (const a of obj.assertions)
      expectFields(a, { source: "string", comparison: "string", target: "string" });
  return obj;
}
const expectList = (data: unknown, key: string, fields: Record<string, FieldType>) => {
  const list = (data as Json)[key];
  expect(Array.isArray(list), `${key} is a list`).toBe(true);
  return (list as unknown[]).map((item) => expectFields(item, fields));
};

describe(`Tickstem SDK calls against REST API v1 on ${testDbKind()}`, () => {
  let database: TestDatabase;
  let target: TestTarget;
  let pingServer: http.Server;
  let pingBase: string;
  let key: string;
  let ctx: WorkspaceCtx;

  beforeAll(async () => {
    database = await createTestDatabase();
    target = await startTestTarget();
    installTestRuntime(database, { VIGIL_ALLOW_PRIVATE_TARGETS: "true" });
    const batcher = new PingBatcher(database.db);
    pingServer = http.createServer((req, res) => {
      if (!handlePing(req, res, { batcher, clientIp: "127.0.0.1", onError: () => {} }))
        res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => pingServer.listen(0, "127.0.0.1", resolve));
    pingBase = `http://127.0.0.1:${(pingServer.address() as AddressInfo).port}`;
    const { user, workspace, email } = await makeUser(database.db);
    ctx = {
      db: database.db,
      now: systemClock,
      actor: { userId: user.id },
      workspaceId: workspace.id,
    };
    key = (await createApiKey({ ctx: { db: database.db, now: systemClock }, input: { email } }))
      .key;
  });
  afterAll(async () => {
    setRuntime(undefined);
    await new Promise((resolve) => pingServer.close(resolve));
    await target.close();
    await database.drop();
  });

  /** Sends an SDK request to the REST handler that serves its path, as Next.js would. */
  async function call(sdk: Sdk, method: string, pathAndQuery: string, body?: unknown) {
    const path = pathAndQuery.split("?")[0] ?? "";
    const route = ROUTES.find(([re]) => re.test(path));
    const handler = route?.[1][method as keyof RouteModule];
    if (!route || !handler) throw new Error(`no handler for ${method} ${path}`);
    const params = { ...route[0].exec(path)?.groups };
    const res = await handler(
      new Request(`http://vigil.test/api/v1${pathAndQuery}`, {
        method,
        headers: sdkHeaders(sdk, key, body !== undefined),
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
      { params: Promise.resolve(params) },
    );
    return sdkReads(method, pathAndQuery, res);
  }

  /** The ping route is answered before Next.js, on the real HTTP server. */
  async function ping(sdk: Sdk, token: string) {
    const path = `/api/v1/heartbeats/${token}/ping`;
    const res = await fetch(`${pingBase}${path}`, {
      method: "POST",
      // Node's ping() sets only its User-Agent; Python's goes through request(auth=False).
      headers:
        sdk === "node" ? { "User-Agent": "tickstem-node/0.1.0" } : sdkHeaders(sdk, null, false),
    });
    return sdkReads("POST", path, res);
  }

  const newHeartbeat = async (sdk: Sdk) => {
    const body =
      sdk === "node"
        ? { name: "nightly-sync", interval_secs: 86_400, grace_secs: 3600 }
        : { name: "nightly-sync", interval_secs: 86_400, grace_secs: 0 };
    const { status, data } = await call(sdk, "POST", "/heartbeats", body);
    expect(status).toBe(201);
    return expectFields(data, HEARTBEAT);
  };
  const newMonitor = async (sdk: Sdk, extra: Json = {}) => {
    const body =
      sdk === "node"
        ? { name: "api", url: target.url("/health"), interval_secs: 60, timeout_secs: 10, ...extra }
        : {
            name: "api",
            url: target.url("/health"),
            interval_secs: 60,
            timeout_secs: 10,
            assertions: [],
            ...extra,
          };
    const { status, data } = await call(sdk, "POST", "/monitors", body);
    expect(status).toBe(201);
    return expectFields(data, MONITOR);
  };

  describe("tickstem/node HeartbeatClient", () => {
    it("create(params) → POST /heartbeats", async () => {
      const hb = await newHeartbeat("node");
      expect(hb).toMatchObject({ name: "nightly-sync", interval_secs: 86_400, grace_secs: 3600 });
    });

    it("list() → GET /heartbeats", async () => {
      const hb = await newHeartbeat("node");
      const { data } = await call("node", "GET", "/heartbeats");
      expect(expectList(data, "heartbeats", HEARTBEAT).map((h) => h.id)).toContain(hb.id);
    });

    it("get(id) → GET /heartbeats/{id}", async () => {
      const hb = await newHeartbeat("node");
      const { data } = await call("node", "GET", `/heartbeats/${String(hb.id)}`);
      expect(expectFields(data, HEARTBEAT).id).toBe(hb.id);
    });

    it("update(id, params) → PATCH /heartbeats/{id} {name, interval_secs, grace_secs}", async () => {
      const hb = await newHeartbeat("node");
      const { status, data } = await call("node", "PATCH", `/heartbeats/${String(hb.id)}`, {
        name: "hourly-sync",
        interval_secs: 3600,
        grace_secs: 300,
      });
      expect(status).toBe(200);
      expect(expectFields(data, HEARTBEAT)).toMatchObject({
        name: "hourly-sync",
        interval_secs: 3600,
        grace_secs: 300,
      });
    });

    it("pause(id) and resume(id) → POST /heartbeats/{id}/pause | /resume without a body", async () => {
      const hb = await newHeartbeat("node");
      const paused = await call("node", "POST", `/heartbeats/${String(hb.id)}/pause`);
      expect(expectFields(paused.data, HEARTBEAT).status).toBe("paused");
      const resumed = await call("node", "POST", `/heartbeats/${String(hb.id)}/resume`);
      expect(expectFields(resumed.data, HEARTBEAT).status).not.toBe("paused");
    });

    it("ping(token) → POST /heartbeats/{token}/ping, no API key, 2xx", async () => {
      const hb = await newHeartbeat("node");
      expect((await ping("node", String(hb.token))).status).toBe(200);
    });

    it("pings(id, {limit}) → GET /heartbeats/{id}/pings?limit=N", async () => {
      const hb = await newHeartbeat("node");
      await ping("node", String(hb.token));
      const { data } = await call("node", "GET", `/heartbeats/${String(hb.id)}/pings?limit=50`);
      const [first] = expectList(data, "pings", PING);
      expect(first?.heartbeat_id).toBe(hb.id);
    });

    it("delete(id) → DELETE /heartbeats/{id}, an empty answer", async () => {
      const hb = await newHeartbeat("node");
      expect(await call("node", "DELETE", `/heartbeats/${String(hb.id)}`)).toEqual({
        status: 204,
        data: undefined,
      });
    });
  });

  describe("tickstem/python HeartbeatClient", () => {
    it("create(CreateParams) → POST /heartbeats {name, interval_secs, grace_secs: 0}", async () => {
      expect(await newHeartbeat("python")).toMatchObject({ grace_secs: 0 });
    });

    it("list() → GET /heartbeats", async () => {
      await newHeartbeat("python");
      const { data } = await call("python", "GET", "/heartbeats");
      expect(expectList(data, "heartbeats", HEARTBEAT).length).toBeGreaterThan(0);
    });

    it("get(id) → GET /heartbeats/{id}", async () => {
      const hb = await newHeartbeat("python");
      const { data } = await call("python", "GET", `/heartbeats/${String(hb.id)}`);
      expect(expectFields(data, HEARTBEAT).token).toBe(hb.token);
    });

    it('pause(id) → PATCH /heartbeats/{id} {"status": "paused"}', async () => {
      const hb = await newHeartbeat("python");
      const res = await call("python", "PATCH", `/heartbeats/${String(hb.id)}`, {
        status: "paused",
      });
      expect(res.status).toBe(200);
      expect(expectFields(res.data, HEARTBEAT).status).toBe("paused");
    });

    it('resume(id) → PATCH /heartbeats/{id} {"status": "active"}', async () => {
      const hb = await newHeartbeat("python");
      await call("python", "PATCH", `/heartbeats/${String(hb.id)}`, { status: "paused" });
      const res = await call("python", "PATCH", `/heartbeats/${String(hb.id)}`, {
        status: "active",
      });
      expect(res.status).toBe(200);
      expect(expectFields(res.data, HEARTBEAT).status).not.toBe("paused");
    });

    it("ping(token) → POST /heartbeats/{token}/ping, reads the JSON status", async () => {
      const hb = await newHeartbeat("python");
      const { status, data } = await ping("python", String(hb.token));
      expect(status).toBe(200);
      expect(data).toEqual({ status: "ok" });
    });

    it("pings(id, limit=50) → GET /heartbeats/{id}/pings?limit=50", async () => {
      const hb = await newHeartbeat("python");
      await ping("python", String(hb.token));
      await ping("python", String(hb.token));
      const { data } = await call("python", "GET", `/heartbeats/${String(hb.id)}/pings?limit=50`);
      expect(expectList(data, "pings", PING)).toHaveLength(2);
    });

    it("delete(id) → DELETE /heartbeats/{id}", async () => {
      const hb = await newHeartbeat("python");
      expect((await call("python", "DELETE", `/heartbeats/${String(hb.id)}`)).status).toBe(204);
      expect((await call("python", "GET", `/heartbeats/${String(hb.id)}`)).status).toBe(404);
    });
  });

  describe("tickstem/node UptimeClient", () => {
    it("create(params) → POST /monitors {name, url, interval_secs, timeout_secs}", async () => {
      const m = await newMonitor("node");
      expect(m).toMatchObject({ interval_secs: 60, timeout_secs: 10, assertions: [] });
    });

    it("list() → GET /monitors", async () => {
      const m = await newMonitor("node");
      const { data } = await call("node", "GET", "/monitors");
      expect(expectList(data, "monitors", MONITOR).map((x) => x.id)).toContain(m.id);
    });

    it("get(id) → GET /monitors/{id}", async () => {
      const m = await newMonitor("node");
      const { data } = await call("node", "GET", `/monitors/${String(m.id)}`);
      expect(expectFields(data, MONITOR).next_check_at).toEqual(expect.any(String));
    });

    it("update(id, params) → PATCH /monitors/{id} {name, url, interval_secs, timeout_secs}", async () => {
      const m = await newMonitor("node");
      const { status, data } = await call("node", "PATCH", `/monitors/${String(m.id)}`, {
        name: "api v2",
        url: target.url("/v2"),
        interval_secs: 120,
        timeout_secs: 5,
      });
      expect(status).toBe(200);
      expect(expectFields(data, MONITOR)).toMatchObject({ name: "api v2", interval_secs: 120 });
    });

    it('pause(id) → PATCH /monitors/{id} {"status": "paused"}', async () => {
      const m = await newMonitor("node");
      const res = await call("node", "PATCH", `/monitors/${String(m.id)}`, { status: "paused" });
      expect(expectFields(res.data, MONITOR)).toMatchObject({
        status: "paused",
        next_check_at: null,
      });
    });

    it('resume(id) → PATCH /monitors/{id} {"status": "active"}', async () => {
      const m = await newMonitor("node");
      await call("node", "PATCH", `/monitors/${String(m.id)}`, { status: "paused" });
      const res = await call("node", "PATCH", `/monitors/${String(m.id)}`, { status: "active" });
      expect(res.status).toBe(200);
      expect(expectFields(res.data, MONITOR).status).not.toBe("paused");
    });

    it("checks(id, limit) → GET /monitors/{id}/checks?limit=N", async () => {
      const m = await newMonitor("node");
      await runCheck({ ctx, monitorId: String(m.id), options: { privateTargets: "all" } });
      const { data } = await call("node", "GET", `/monitors/${String(m.id)}/checks?limit=50`);
      const [check] = expectList(data, "checks", CHECK);
      expect(check).toMatchObject({ monitor_id: m.id, status: "up", status_code: 200 });
    });

    it("delete(id) → DELETE /monitors/{id}, an empty answer", async () => {
      const m = await newMonitor("node");
      expect(await call("node", "DELETE", `/monitors/${String(m.id)}`)).toEqual({
        status: 204,
        data: undefined,
      });
    });
  });

  describe("tickstem/python UptimeClient", () => {
    const assertions = [
      { source: "status_code", comparison: "eq", target: "200" },
      { source: "response_time", comparison: "lt", target: "5000" },
      { source: "body", comparison: "contains", target: "ok" },
    ];

    it("create(CreateParams) → POST /monitors with assertions, returned as sent", async () => {
      const m = await newMonitor("python", { assertions });
      expect(m.assertions).toEqual(assertions);
    });

    it("list() → GET /monitors", async () => {
      await newMonitor("python", { assertions });
      const { data } = await call("python", "GET", "/monitors");
      expect(expectList(data, "monitors", MONITOR).length).toBeGreaterThan(0);
    });

    it("get(id) → GET /monitors/{id}", async () => {
      const m = await newMonitor("python", { assertions });
      const { data } = await call("python", "GET", `/monitors/${String(m.id)}`);
      expect(expectFields(data, MONITOR).assertions).toEqual(assertions);
    });

    it("update(id, UpdateParams) → PATCH /monitors/{id} {status, interval_secs, timeout_secs, assertions}", async () => {
      const m = await newMonitor("python");
      const changed = [{ source: "body", comparison: "not_contains", target: "error" }];
      const res = await call("python", "PATCH", `/monitors/${String(m.id)}`, {
        status: "paused",
        interval_secs: 300,
        timeout_secs: 15,
        assertions: changed,
      });
      expect(res.status).toBe(200);
      expect(expectFields(res.data, MONITOR)).toMatchObject({
        status: "paused",
        interval_secs: 300,
        timeout_secs: 15,
        assertions: changed,
      });
      const resumed = await call("python", "PATCH", `/monitors/${String(m.id)}`, {
        status: "active",
      });
      expect(expectFields(resumed.data, MONITOR).status).not.toBe("paused");
    });

    it("checks(id, limit, offset) → GET /monitors/{id}/checks?limit=N&offset=M", async () => {
      const m = await newMonitor("python", {
        assertions: [{ source: "body", comparison: "eq", target: "healthy" }],
      });
      await runCheck({ ctx, monitorId: String(m.id), options: { privateTargets: "all" } });
      const { data } = await call(
        "python",
        "GET",
        `/monitors/${String(m.id)}/checks?limit=50&offset=0`,
      );
      const [check] = expectList(data, "checks", CHECK);
      expect(check).toMatchObject({
        monitor_id: m.id,
        status: "down",
        status_code: 200,
        error: 'Assertion failed: body eq "healthy" (got "ok")',
      });
      const skipped = await call(
        "python",
        "GET",
        `/monitors/${String(m.id)}/checks?limit=50&offset=1`,
      );
      expect(expectList(skipped.data, "checks", CHECK)).toEqual([]);
    });

    it("delete(id) → DELETE /monitors/{id}", async () => {
      const m = await newMonitor("python");
      expect((await call("python", "DELETE", `/monitors/${String(m.id)}`)).status).toBe(204);
    });
  });

  describe("errors both SDKs raise as APIError(status, body.error)", () => {
    it.each(["node", "python"] as const)("%s: a bad key is 401 with a JSON error", async (sdk) => {
      const res = await heartbeatsRoute.GET(
        new Request("http://vigil.test/api/v1/heartbeats", {
          headers: sdkHeaders(sdk, "nope", false),
        }),
        { params: Promise.resolve({}) },
      );
      expect((await sdkReads("GET", "/heartbeats", res)).status).toBe(401);
    });

    it.each(["node", "python"] as const)("%s: a bad assertion is 400 naming it", async (sdk) => {
      const res = await call(sdk, "POST", "/monitors", {
        name: "api",
        url: target.url("/health"),
        assertions: [{ source: "status_code", comparison: "lt", target: "fast" }],
      });
      expect(res.status).toBe(400);
      expect((res.data as Json).error).toMatch(/assertions.*target must be a number/);
    });

    it.each(["node", "python"] as const)(
      "%s: an unknown ping token is 404 with a JSON error",
      async (sdk) => {
        expect(await ping(sdk, "0".repeat(22))).toMatchObject({
          status: 404,
          data: { error: "not found" },
        });
      },
    );
  });
});
