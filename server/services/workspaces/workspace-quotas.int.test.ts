import { randomBytes } from "node:crypto";
import { count, eq } from "drizzle-orm";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { monitors } from "@/db/schema";
import { createTestDatabase, testDbKind, type TestDatabase } from "@/db/testing/test-database";
import { makeUser } from "@/db/testing/factories";
import { loadConfig, type Config } from "@/server/config";
import { setRuntime } from "@/server/runtime";
import { SignInLimiter } from "@/server/services/auth/sign-in-limiter";
import { createApiKey } from "@/server/services/api-keys/create-api-key";
import { systemClock } from "@/server/services/context";
import { operatorRequest, runOperatorCommand } from "@/server/control/operator-commands";
import { createCaller } from "@/server/trpc/root";
import { createTrpcContext } from "@/server/trpc/init";
import * as monitorsRoute from "@/app/api/v1/monitors/route";
import * as heartbeatsRoute from "@/app/api/v1/heartbeats/route";
import * as statusPagesRoute from "@/app/api/v1/status-pages/route";
import * as channelsRoute from "@/app/api/v1/channels/route";
import { formErrorsFrom } from "@/server/domain/validation/validation-issues";

type Handler = (
  req: Request,
  ctx: { params: Promise<Record<string, string>> },
) => Promise<Response>;

const full = (limit: number, what: string) =>
  `This workspace has reached its limit of ${limit} ${what}. Ask the operator to raise it (npx vigil workspace:quota).`;
const unique = () => randomBytes(4).toString("hex");

describe(`workspace quotas on ${testDbKind()}`, () => {
  let database: TestDatabase;
  let config: Config;
  beforeAll(async () => {
    database = await createTestDatabase();
    config = loadConfig({
      VIGIL_ALLOW_PRIVATE_TARGETS: "true",
      VIGIL_QUOTA_MONITORS: "2",
      VIGIL_QUOTA_HEARTBEATS: "2",
      VIGIL_QUOTA_STATUS_PAGES: "1",
      VIGIL_QUOTA_CHANNELS: "1",
    });
    setRuntime({
      config,
      db: database.db,
      dbKind: database.kind,
      authSecret: "x".repeat(32),
      logger: pino({ level: "silent" }),
      signInLimiter: new SignInLimiter(config.signinLimits),
    });
  });
  afterAll(async () => {
    setRuntime(undefined);
    await database.drop();
  });

  async function member() {
    const made = await makeUser(database.db);
    const { key } = await createApiKey({
      ctx: { db: database.db, now: systemClock },
      input: { email: made.email },
    });
    const rest = async (handler: Handler, path: string, body: unknown) => {
      const res = await handler(
        new Request(`http://vigil.test${path}`, {
          method: "POST",
          headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
          body: JSON.stringify(body),
        }),
        { params: Promise.resolve({}) },
      );
      return { status: res.status, json: (await res.json()) as Record<string, unknown> };
    };
    const trpc = createCaller(
      createTrpcContext({
        db: database.db,
        user: made.user,
        clientIp: "203.0.113.7",
        requestedWorkspaceId: null,
        signup: "open",
        privateTargets: "all",
        signInLimiter: new SignInLimiter(config.signinLimits),
        quotas: config.quotas,
      }),
    );
    // As the CLI and the control socket do: parse the typed-in request, then run it.
    const quota = async (limits: Record<string, string>) =>
      runOperatorCommand(
        { db: database.db, now: systemClock },
        operatorRequest.parse({ command: "workspace:quota", email: made.email, ...limits }),
      );
    return { ...made, rest, trpc, quota };
  }

  const kinds = [
    {
      kind: "monitors",
      limit: 2,
      handler: monitorsRoute.POST,
      path: "/api/v1/monitors",
      body: () => ({ name: "api", url: "http://127.0.0.1:9/health", paused: true }),
    },
    {
      kind: "heartbeats",
      limit: 2,
      handler: heartbeatsRoute.POST,
      path: "/api/v1/heartbeats",
      body: () => ({ name: "nightly", interval_secs: 3600 }),
    },
    {
      kind: "status pages",
      limit: 1,
      handler: statusPagesRoute.POST,
      path: "/api/v1/status-pages",
      body: () => ({ slug: `acme-${unique()}`, title: "Acme" }),
    },
    {
      kind: "alert channels",
      limit: 1,
      handler: channelsRoute.POST,
      path: "/api/v1/channels",
      body: () => ({ name: "ops", kind: "ntfy", url: "http://127.0.0.1:9/topic" }),
    },
  ] as const;

  it.each(kinds)(
    "refuses one $kind too many over REST with 403 naming the limit, in that workspace only",
    async ({ kind, limit, handler, path, body }) => {
      const me = await member();
      for (let i = 0; i < limit; i++)
        expect((await me.rest(handler, path, body())).status).toBe(201);

      const refused = await me.rest(handler, path, body());

      expect(refused).toEqual({ status: 403, json: { error: full(limit, kind) } });
      const neighbour = await member();
      expect((await neighbour.rest(handler, path, body())).status).toBe(201);
    },
  );

  it("refuses one too many in the dashboard with FORBIDDEN and the same words", async () => {
    const me = await member();
    const monitor = { name: "m", url: "http://127.0.0.1:9/", paused: true };
    await me.trpc.monitor.create(monitor);
    await me.trpc.monitor.create(monitor);
    await me.trpc.heartbeat.create({ name: "h", intervalSecs: 3600 });
    await me.trpc.heartbeat.create({ name: "h", intervalSecs: 3600 });
    await me.trpc.statusPage.create({ slug: `page-${unique()}`, title: "P" });
    await me.trpc.alerts.createChannel({ name: "c", kind: "ntfy", url: "http://127.0.0.1:9/t" });

    // Each form shows the refusal above its fields, in the same words.
    const attempts: [string, () => Promise<unknown>, (e: unknown) => { form?: string }][] = [
      ["monitors", () => me.trpc.monitor.create(monitor), (e) => formErrorsFrom(e, ["url"], "")],
      [
        "heartbeats",
        () => me.trpc.heartbeat.create({ name: "h", intervalSecs: 3600 }),
        (e) => formErrorsFrom(e, ["name"], ""),
      ],
      [
        "status pages",
        () => me.trpc.statusPage.create({ slug: `p-${unique()}`, title: "P" }),
        (e) => formErrorsFrom(e, ["slug", "title"], ""),
      ],
      [
        "alert channels",
        () =>
          me.trpc.alerts.createChannel({ name: "c", kind: "ntfy", url: "http://127.0.0.1:9/t" }),
        (e) => formErrorsFrom(e, ["name", "url"], "Could not add the channel"),
      ],
    ];
    for (const [what, attempt, formErrors] of attempts) {
      const limit = what === "monitors" || what === "heartbeats" ? 2 : 1;
      const error = await attempt().catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "FORBIDDEN", message: full(limit, what) });
      expect(formErrors(error)).toEqual({ form: full(limit, what) });
    }
  });

  it("lets the operator raise one workspace's limit, and put it back to the default", async () => {
    const me = await member();
    const { handler, path, body } = kinds[0];
    await me.rest(handler, path, body());
    await me.rest(handler, path, body());

    const raised = await me.quota({ monitors: "3", channels: "10" });

    expect(raised.stderr).toBe(
      `Workspace "${me.workspace.name}" (${me.workspace.id}) limits: monitors 3, heartbeats default, status pages default, alert channels 10 (default: the VIGIL_QUOTA_* settings).`,
    );
    expect((await me.rest(handler, path, body())).status).toBe(201);
    expect(await me.rest(handler, path, body())).toEqual({
      status: 403,
      json: { error: full(3, "monitors") },
    });
    const other = await member();
    await other.rest(handler, path, body());
    await other.rest(handler, path, body());
    expect((await other.rest(handler, path, body())).status).toBe(403);

    await me.quota({ monitors: "default" });
    expect(await me.rest(handler, path, body())).toEqual({
      status: 403,
      json: { error: full(2, "monitors") },
    });
    expect((await me.quota({})).stderr).toContain("monitors default, heartbeats default");
  });

  it("refuses a bad limit and an unknown owner with one clear line", async () => {
    const me = await member();
    await expect(me.quota({ monitors: "lots" })).rejects.toThrow(
      /must be a whole number \(up to 1000000\) or default/,
    );
    await expect(
      runOperatorCommand(
        { db: database.db, now: systemClock },
        { command: "workspace:quota", email: "ghost@example.com", monitors: 5 },
      ),
    ).rejects.toThrow("There is no user with the email ghost@example.com.");
  });

  it("lets only one of several parallel creates take the last slot", async () => {
    const me = await member();
    const { handler, path, body } = kinds[0];
    expect((await me.rest(handler, path, body())).status).toBe(201);

    const results = await Promise.all(
      Array.from({ length: 6 }, () => me.rest(handler, path, body())),
    );

    expect(results.map((r) => r.status).sort()).toEqual([201, 403, 403, 403, 403, 403]);
    const [row] = await database.db
      .select({ n: count() })
      .from(monitors)
      .where(eq(monitors.workspaceId, me.workspace.id));
    expect(row?.n).toBe(2);
  });
});
