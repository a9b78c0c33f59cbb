import http from "node:http";
import type { AddressInfo } from "node:net";
import { desc, eq } from "drizzle-orm";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { alertMessages, checkResults } from "@/db/schema";
import { createTestDatabase, testDbKind, type TestDatabase } from "@/db/testing/test-database";
import { makeUser } from "@/db/testing/factories";
import { anyTarget, makeMonitor, withPolicy } from "@/db/testing/make-monitor";
import { loadConfig } from "@/server/config";
import { setRuntime } from "@/server/runtime";
import { runOperatorCommand } from "@/server/control/operator-commands";
import { startReceiver, type TestReceiver } from "@/testing/alerts/start-receiver";
import { startTestTarget, type TestTarget } from "@/testing/checks/start-test-target";
import { SignInLimiter } from "@/server/services/auth/sign-in-limiter";
import { createApiKey } from "@/server/services/api-keys/create-api-key";
import { systemClock, type WorkspaceCtx } from "@/server/services/context";
import { runCheck } from "@/server/services/checks/run-due-checks";
import { claimDueMonitors } from "@/server/services/checks/claim-due-monitors";
import { runPlannedCheck } from "@/server/services/checks/run-planned-check";
import { createChannel } from "@/server/services/alerts/create-channel";
import { deliverDueAlerts } from "@/server/services/alerts/deliver-alerts";
import { alertDepsFrom } from "@/server/services/alerts/alert-deps";
import { sendTestNotification } from "@/server/services/alerts/send-test-notification";
import { createCaller } from "@/server/trpc/root";
import { createTrpcContext } from "@/server/trpc/init";
import * as monitorsRoute from "@/app/api/v1/monitors/route";
import * as monitorRoute from "@/app/api/v1/monitors/[id]/route";
import * as channelsRoute from "@/app/api/v1/channels/route";

type Handler = (
  req: Request,
  ctx: { params: Promise<Record<string, string>> },
) => Promise<Response>;

/** One HTTP target on 127.0.0.1 and one on ::1; `/hop` on either redirects to the other. */
async function startLoopbackPair() {
  const hits: string[] = [];
  const servers: http.Server[] = [];
  const listen = async (host: string) => {
    const server = http.createServer((req, res) => {
      hits.push(`${host} ${req.url}`);
      if (req.url === "/hop") {
        res.writeHead(302, { location: other(host) + "/ok" }).end();
        return;
      }
      res.end("ok");
    });
    await new Promise<void>((resolve) => server.listen(0, host, resolve));
    servers.push(server);
    return (server.address() as AddressInfo).port;
  };
  const v4 = await listen("127.0.0.1");
  const v6 = await listen("::1");
  const other = (host: string) =>
    host === "127.0.0.1" ? `http://[::1]:${v6}` : `http://127.0.0.1:${v4}`;
  return {
    urls: [`http://127.0.0.1:${v4}/ok`, `http://[::1]:${v6}/ok`, `http://localhost:${v4}/ok`],
    hop: `http://127.0.0.1:${v4}/hop`,
    hits,
    close: () => Promise.all(servers.map((s) => new Promise((r) => s.close(r)))),
  };
}

describe(`private targets under VIGIL_ALLOW_PRIVATE_TARGETS=owner, on ${testDbKind()}`, () => {
  let database: TestDatabase;
  let pair: Awaited<ReturnType<typeof startLoopbackPair>>;
  let receiver: TestReceiver;
  let target: TestTarget;
  const config = loadConfig({});
  const deps = alertDepsFrom(config);
  const checkOptions = { privateTargets: config.privateTargets };

  beforeAll(async () => {
    database = await createTestDatabase();
    pair = await startLoopbackPair();
    receiver = await startReceiver();
    target = await startTestTarget();
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
    await pair.close();
    await receiver.close();
    await target.close();
    await database.drop();
  });

  let owner: Awaited<ReturnType<typeof member>> | undefined;
  /** The file's first account is the instance owner; every later one is not. */
  async function member() {
    const made = await makeUser(database.db);
    const ctx: WorkspaceCtx = {
      db: database.db,
      now: systemClock,
      actor: { userId: made.user.id },
      workspaceId: made.workspace.id,
    };
    const { key } = await createApiKey({
      ctx: { db: database.db, now: systemClock },
      input: { email: made.email },
    });
    const rest = async (handler: Handler, method: string, body: unknown, id?: string) => {
      const res = await handler(
        new Request(`http://vigil.test/api/v1/x${id ? `/${id}` : ""}`, {
          method,
          headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
          body: JSON.stringify(body),
        }),
        { params: Promise.resolve<Record<string, string>>(id ? { id } : {}) },
      );
      return { status: res.status, json: (await res.json()) as Record<string, unknown> };
    };
    const trpc = createCaller(
      createTrpcContext({
        db: database.db,
        user: { id: made.user.id, email: made.email, name: null },
        clientIp: "203.0.113.8",
        requestedWorkspaceId: null,
        signup: config.signup,
        privateTargets: config.privateTargets,
        signInLimiter: new SignInLimiter(config.signinLimits),
      }),
    );
    return { ...made, ctx, rest, trpc };
  }
  const theOwner = async () => (owner ??= await member());

  async function lastResult(monitorId: string) {
    const [row] = await database.db
      .select()
      .from(checkResults)
      .where(eq(checkResults.monitorId, monitorId))
      .orderBy(desc(checkResults.checkedAt))
      .limit(1);
    return row;
  }

  it("refuses a loopback monitor URL at save time for a workspace that is not the owner's", async () => {
    await theOwner();
    const them = await member();
    for (const url of pair.urls) {
      const host = new URL(url).hostname.replace(/^\[(.*)\]$/, "$1");
      const message = `url: ${host} is a loopback address; this workspace may not check private addresses`;
      expect(await them.rest(monitorsRoute.POST, "POST", { name: "m", url })).toEqual({
        status: 400,
        json: { error: message },
      });
      await expect(them.trpc.monitor.create({ name: "m", url })).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message,
        cause: { details: { field: "url" } },
      });
    }
    const saved = await makeMonitor(them.ctx, pair.urls[0] ?? "", { paused: true });
    const moved = await them.rest(monitorRoute.PATCH, "PATCH", { url: pair.urls[1] }, saved.id);
    expect(moved.status).toBe(400);
    expect(moved.json.error).toMatch(/^url: ::1 is a loopback address/);
    await expect(
      them.trpc.monitor.update({ id: saved.id, changes: { url: pair.urls[2] } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { details: { field: "url" } } });
  });

  it("lets the owner's workspace save and check the same loopback targets", async () => {
    const me = await theOwner();
    for (const url of pair.urls) {
      const created = await me.rest(monitorsRoute.POST, "POST", { name: "mine", url });
      expect(created.status).toBe(201);
      const outcome = await runCheck({
        ctx: me.ctx,
        monitorId: String(created.json.id),
        options: checkOptions,
      });
      expect(outcome).toMatchObject({ recorded: true, ok: true });
    }
    const hop = await makeMonitor(me.ctx, pair.hop, { maxRedirects: 2 });
    expect(await runCheck({ ctx: me.ctx, monitorId: hop.id, options: checkOptions })).toMatchObject(
      { ok: true },
    );
  });

  it("blocks at check time a loopback monitor saved past validation, redirects included", async () => {
    const them = await member();
    const before = pair.hits.length;
    for (const url of [...pair.urls, pair.hop]) {
      const monitor = await makeMonitor(them.ctx, url, { maxRedirects: 2 });
      const outcome = await runCheck({
        ctx: them.ctx,
        monitorId: monitor.id,
        options: checkOptions,
      });
      expect(outcome).toMatchObject({ recorded: true, ok: false });
      expect(await lastResult(monitor.id)).toMatchObject({
        errorKind: "blocked_target",
        error: expect.stringMatching(/^Blocked target: /),
      });
    }
    expect(pair.hits.length).toBe(before);
  });

  it("blocks the Inngest driver's planned check of a non-owner's loopback monitor, not the owner's", async () => {
    const before = pair.hits.length;
    for (const [who, ok] of [
      [await member(), false],
      [await theOwner(), true],
    ] as const) {
      const monitor = await makeMonitor(who.ctx, pair.urls[0] ?? "");
      const [leased] = await claimDueMonitors(database.db, new Date(), 1, monitor.id);
      const outcome = await runPlannedCheck({
        ctx: who.ctx,
        input: {
          monitorId: monitor.id,
          leaseToken: leased?.leaseToken ?? "",
          options: checkOptions,
        },
      });
      expect(outcome).toMatchObject({ ran: true, ok });
    }
    expect(pair.hits.length).toBe(before + 1);
  });

  it("refuses a loopback channel URL at save time and blocks its sends at run time", async () => {
    await theOwner();
    const them = await member();
    const url = receiver.url("/not-yours");
    const refused = await them.rest(channelsRoute.POST, "POST", {
      name: "x",
      kind: "webhook",
      url,
    });
    expect(refused).toEqual({
      status: 400,
      json: {
        error:
          "url: 127.0.0.1 is a loopback address; this workspace may not check private addresses",
      },
    });
    await expect(
      them.trpc.alerts.createChannel({ name: "x", kind: "slack", url }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { details: { field: "url" } } });

    const { channel } = await createChannel({
      ctx: withPolicy(them.ctx, anyTarget),
      input: { name: "hook", kind: "webhook", url, enabled: true, isDefault: true },
    });
    const test = await sendTestNotification({
      ctx: { ...them.ctx, alerts: deps },
      input: { channelId: channel.id },
    });
    expect(test).toMatchObject({
      delivered: false,
      error: expect.stringMatching(/Blocked target/),
    });

    // A real flip: the monitor (checked as if allowed) goes up, then down; its alert is blocked.
    let at = Date.now();
    const ctx = { ...them.ctx, now: () => new Date(at) };
    const monitor = await makeMonitor(ctx, target.url("/flaky"), { confirmations: 1 });
    await runCheck({ ctx, monitorId: monitor.id, options: anyTarget });
    target.set("/flaky", { status: 500 });
    at += 61_000;
    expect(await runCheck({ ctx, monitorId: monitor.id, options: anyTarget })).toMatchObject({
      status: "down",
    });
    await deliverDueAlerts({ ctx: { db: database.db, now: ctx.now, alerts: deps } });
    const [message] = await database.db
      .select()
      .from(alertMessages)
      .where(eq(alertMessages.channelId, channel.id))
      .orderBy(desc(alertMessages.createdAt))
      .limit(1);
    expect(message).toMatchObject({ kind: "alert", lastError: expect.stringMatching(/Blocked/) });
    expect(receiver.received("/not-yours")).toEqual([]);
  });

  it("lets the owner's channels send to loopback receivers", async () => {
    const me = await theOwner();
    const created = await me.rest(channelsRoute.POST, "POST", {
      name: "mine",
      kind: "webhook",
      url: receiver.url("/mine"),
    });
    expect(created.status).toBe(201);
    const test = await sendTestNotification({
      ctx: { ...me.ctx, alerts: deps },
      input: { channelId: String(created.json.id) },
    });
    expect(test).toMatchObject({ delivered: true, error: null });
  });

  it("grants a workspace private targets with workspace:allow-private", async () => {
    const them = await member();
    await runOperatorCommand(
      { db: database.db, now: systemClock },
      { command: "workspace:allow-private", email: them.email, revoke: false },
    );
    const created = await them.rest(monitorsRoute.POST, "POST", { name: "m", url: pair.urls[0] });
    expect(created.status).toBe(201);
    expect(
      await runCheck({ ctx: them.ctx, monitorId: String(created.json.id), options: checkOptions }),
    ).toMatchObject({ ok: true });
  });
});
