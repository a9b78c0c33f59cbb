import { anyTarget, withPolicy } from "@/db/testing/make-monitor";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { InngestTestEngine } from "@inngest/test";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkResults, monitors } from "@/db/schema";
import { eq } from "drizzle-orm";
import { createTestDatabase, testDbKind, type TestDatabase } from "@/db/testing/test-database";
import { makeUser } from "@/db/testing/factories";
import { loadConfig } from "@/server/config";
import { setRuntime } from "@/server/runtime";
import { SignInLimiter } from "@/server/services/auth/sign-in-limiter";
import { systemClock, type WorkspaceCtx } from "@/server/services/context";
import { createMonitor } from "@/server/services/monitors/create-monitor";
import { pauseMonitor } from "@/server/services/monitors/pause-monitor";
import { createInngestClient } from "@/server/jobs/client";
import { createCheckMonitor, createPlanChecks } from "@/server/jobs/functions/monitor-checks";

type SentEvent = { name: string; data: Record<string, string>; ts: number };

describe(`Inngest monitor functions on ${testDbKind()}`, () => {
  let database: TestDatabase;
  let target: http.Server;
  let targetUrl: string;
  let healthy = true;
  let ctx: WorkspaceCtx;
  const config = loadConfig({ INNGEST_DEV: "1", VIGIL_ALLOW_PRIVATE_TARGETS: "true" });
  const client = createInngestClient(config.inngest);
  const plan = createPlanChecks(client);
  const check = createCheckMonitor(client);

  beforeAll(async () => {
    database = await createTestDatabase();
    setRuntime({
      config,
      db: database.db,
      dbKind: database.kind,
      authSecret: "x".repeat(32),
      logger: pino({ level: "silent" }),
      signInLimiter: new SignInLimiter(config.signinLimits),
    });
    target = http.createServer((_req, res) => {
      res.writeHead(healthy ? 200 : 500);
      res.end(healthy ? "ok" : "broken");
    });
    await new Promise<void>((resolve) => target.listen(0, "127.0.0.1", resolve));
    targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}/`;
    const { user, workspace } = await makeUser(database.db);
    ctx = {
      db: database.db,
      now: systemClock,
      actor: { userId: user.id },
      workspaceId: workspace.id,
    };
  });
  afterAll(async () => {
    setRuntime(undefined);
    await new Promise((r) => target.close(r));
    await database.drop();
  });

  const settings = (name: string, intervalSecs: number) => ({
    name,
    url: targetUrl,
    method: "GET" as const,
    headers: {},
    body: null,
    acceptedStatusCodes: ["200-399"],
    maxRedirects: 0,
    timeoutSecs: 2,
    keyword: null,
    keywordMustBeAbsent: false,
    degradedAfterMs: null,
    intervalSecs,
    retryIntervalSecs: Math.min(5, intervalSecs),
    confirmations: 2,
    paused: false,
  });

  async function runPlan(): Promise<SentEvent[]> {
    const sent: SentEvent[] = [];
    const t = new InngestTestEngine({
      function: plan,
      events: [{ name: "inngest/scheduled.timer", data: {} }],
    });
    const { ctx: fnCtx } = await t.execute({
      steps: [{ id: "send-check-events", handler: () => null }],
    });
    for (const call of fnCtx.step.sendEvent.mock.calls)
      sent.push(...((call as unknown[])[1] as SentEvent[]));
    return sent;
  }

  async function runCheck(event: SentEvent) {
    const t = new InngestTestEngine({
      function: check,
      events: [{ name: event.name, data: event.data }],
    });
    const { result, ctx: fnCtx } = await t.execute({
      steps: [{ id: "send-retry", handler: () => null }],
    });
    return {
      result: result as { ran: boolean; status: string | null; retryAt: string | null },
      sendEvent: fnCtx.step.sendEvent,
    };
  }

  it("plans every due time of the coming minute once, with ts at each due time", async () => {
    const fast = await createMonitor({
      ctx: withPolicy(ctx, anyTarget),
      input: settings("every 10 s", 10),
    });
    const slow = await createMonitor({
      ctx: withPolicy(ctx, anyTarget),
      input: settings("every 60 s", 60),
    });
    const before = Date.now();
    const sent = await runPlan();
    const mine = (id: string) => sent.filter((e) => e.data.monitorId === id);
    expect(mine(fast.id)).toHaveLength(6);
    expect(mine(slow.id)).toHaveLength(1);
    const times = mine(fast.id).map((e) => e.ts);
    for (let i = 1; i < times.length; i++)
      expect((times[i] ?? 0) - (times[i - 1] ?? 0)).toBe(10_000);
    expect(times[0]).toBeGreaterThanOrEqual(before - 1000);
    expect(sent.every((e) => e.name === "vigil/monitor.check.due" && e.data.leaseToken)).toBe(true);
    const [row] = await database.db.select().from(monitors).where(eq(monitors.id, fast.id));
    expect(row?.nextCheckAt.getTime()).toBe((times.at(-1) ?? 0) + 10_000);
    // A planner running again right away plans only due times after the ones already planned.
    const again = (await runPlan()).filter((e) => e.data.monitorId === fast.id).map((e) => e.ts);
    expect(again.every((ts) => ts >= (times.at(-1) ?? 0) + 10_000)).toBe(true);
  });

  it("runs a planned check at its time and records it", async () => {
    healthy = true;
    const monitor = await createMonitor({
      ctx: withPolicy(ctx, anyTarget),
      input: settings("planned", 60),
    });
    const [event] = (await runPlan()).filter((e) => e.data.monitorId === monitor.id);
    const { result } = await runCheck(event as SentEvent);
    expect(result).toMatchObject({ ran: true, status: "up", retryAt: null });
    expect(await database.db.$count(checkResults, eq(checkResults.monitorId, monitor.id))).toBe(1);
  });

  it("schedules a retry at the retry interval while a failure is unconfirmed", async () => {
    healthy = false;
    try {
      const monitor = await createMonitor({
        ctx: withPolicy(ctx, anyTarget),
        input: settings("failing", 60),
      });
      const [event] = (await runPlan()).filter((e) => e.data.monitorId === monitor.id);
      const { result, sendEvent } = await runCheck(event as SentEvent);
      expect(result.status).toBe("pending");
      expect(result.retryAt).not.toBeNull();
      const retry = (sendEvent.mock.calls[0] as unknown[])[1] as SentEvent;
      expect(retry.data).toMatchObject({
        monitorId: monitor.id,
        leaseToken: event?.data.leaseToken,
      });
      expect(retry.ts - Date.now()).toBeGreaterThan(3000);
      const second = await runCheck(retry);
      expect(second.result).toMatchObject({ status: "down", retryAt: null });
    } finally {
      healthy = true;
    }
  });

  it("drops a planned check whose monitor was paused meanwhile", async () => {
    const monitor = await createMonitor({
      ctx: withPolicy(ctx, anyTarget),
      input: settings("paused later", 60),
    });
    const [event] = (await runPlan()).filter((e) => e.data.monitorId === monitor.id);
    await pauseMonitor({ ctx, input: { monitorId: monitor.id } });
    const { result } = await runCheck(event as SentEvent);
    expect(result).toMatchObject({ ran: false });
    expect(await database.db.$count(checkResults, eq(checkResults.monitorId, monitor.id))).toBe(0);
  });
});
