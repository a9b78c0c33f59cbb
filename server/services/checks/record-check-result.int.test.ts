import { randomUUID } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkResults, flips, incidents, type Monitor } from "@/db/schema";
import { createTestDatabase, testDbKind, type TestDatabase } from "@/db/testing/test-database";
import { workspaceWithClock } from "@/db/testing/factories";
import { anyTarget, makeMonitor, withPolicy } from "@/db/testing/make-monitor";
import { startTestTarget, type TestTarget } from "@/testing/checks/start-test-target";
import type { WorkspaceCtx } from "@/server/services/context";
import { runCheck } from "@/server/services/checks/run-due-checks";
import { findMonitor } from "@/server/services/monitors/find-monitor";
import { updateMonitor } from "@/server/services/monitors/update-monitor";
import { claimDueMonitors } from "@/server/services/checks/claim-due-monitors";
import { recordCheckResult } from "@/server/services/checks/record-check-result";
import { runHttpCheck } from "@/server/checks/http/run-http-check";
import { listChecks } from "@/server/services/monitors/list-checks";
import { getMonitorUptimes } from "@/server/services/monitors/get-monitor-uptimes";
import { getMonitorHistory } from "@/server/services/monitors/get-monitor-history";

const options = { privateTargets: "all" } as const;
const UNEXPECTED_500 = "Unexpected status 500 (expected 200-399)";

describe(`recording HTTP checks on ${testDbKind()}`, () => {
  let database: TestDatabase;
  let target: TestTarget;

  beforeAll(async () => {
    database = await createTestDatabase();
    target = await startTestTarget();
  });
  afterAll(async () => {
    await target.close();
    await database.drop();
  });

  async function monitorAt(ctx: WorkspaceCtx, overrides: Parameters<typeof makeMonitor>[2] = {}) {
    const path = `/${randomUUID()}`;
    const monitor = await makeMonitor(ctx, target.url(path), overrides);
    return { monitor, path };
  }

  async function check(ctx: WorkspaceCtx, monitor: Monitor) {
    const outcome = await runCheck({ ctx, monitorId: monitor.id, options });
    if (!outcome) throw new Error("the monitor was not due");
    return outcome;
  }

  const flipsOf = (monitorId: string) =>
    database.db.select().from(flips).where(eq(flips.monitorId, monitorId)).orderBy(asc(flips.at));
  const incidentsOf = (monitorId: string) =>
    database.db.select().from(incidents).where(eq(incidents.monitorId, monitorId));

  it("takes a healthy target from pending to up with one flip", async () => {
    const { ctx, start } = await workspaceWithClock(database.db);
    const { monitor, path } = await monitorAt(ctx);
    expect(monitor.status).toBe("pending");

    const outcome = await check(ctx, monitor);

    expect(outcome).toMatchObject({ recorded: true, status: "up" });
    expect(outcome.flip).toMatchObject({ from: "pending", to: "up", subjectId: monitor.id });
    expect(outcome.nextCheckAt).toEqual(new Date(start.getTime() + 60_000));
    expect(target.hits(path)).toBe(1);
    expect(await flipsOf(monitor.id)).toEqual([
      expect.objectContaining({ fromStatus: "pending", toStatus: "up", at: start }),
    ]);
    expect(await findMonitor(database.db, ctx.workspaceId, monitor.id)).toMatchObject({
      status: "up",
      consecutiveFailures: 0,
      lastCheckedAt: start,
      lastStatusCode: 200,
      lastError: null,
      leaseToken: null,
      statusChangedAt: start,
    });
    expect(await incidentsOf(monitor.id)).toEqual([]);
  });

  it("does not flip on the first failure but goes down on the second, opening one incident", async () => {
    const { ctx, advance, start } = await workspaceWithClock(database.db);
    const { monitor, path } = await monitorAt(ctx, { confirmations: 2 });
    await check(ctx, monitor);
    target.set(path, { status: 500 });

    advance(60);
    const first = await check(ctx, monitor);
    expect(first).toMatchObject({ recorded: true, status: "up", flip: null });
    expect(first.nextCheckAt).toEqual(new Date(start.getTime() + 80_000));
    expect(await findMonitor(database.db, ctx.workspaceId, monitor.id)).toMatchObject({
      status: "up",
      consecutiveFailures: 1,
      lastStatusCode: 500,
      lastError: UNEXPECTED_500,
    });

    advance(20);
    const second = await check(ctx, monitor);
    expect(second).toMatchObject({ recorded: true, status: "down" });
    expect(second.flip).toMatchObject({ from: "up", to: "down" });

    advance(20);
    await expect(check(ctx, monitor)).resolves.toMatchObject({ status: "down", flip: null });

    const history = await flipsOf(monitor.id);
    expect(history.map((f) => `${f.fromStatus}>${f.toStatus}`)).toEqual(["pending>up", "up>down"]);
    expect(history[1]).toMatchObject({
      at: new Date(start.getTime() + 80_000),
      reason: UNEXPECTED_500,
    });
    expect(await incidentsOf(monitor.id)).toEqual([
      expect.objectContaining({
        cause: UNEXPECTED_500,
        startedAt: new Date(start.getTime() + 80_000),
        openedByFlipId: history[1]?.id,
        resolvedAt: null,
        resolvedByFlipId: null,
      }),
    ]);
    expect(target.hits(path)).toBe(4);
  });

  it("goes down only after as many consecutive failures as the confirmations ask", async () => {
    for (const confirmations of [1, 3]) {
      const { ctx, advance } = await workspaceWithClock(database.db);
      const { monitor, path } = await monitorAt(ctx, { confirmations });
      await check(ctx, monitor);
      target.set(path, { status: 500 });
      const statuses: string[] = [];
      for (let i = 0; i < confirmations; i++) {
        advance(60);
        statuses.push((await check(ctx, monitor)).status);
      }
      expect(statuses).toEqual([...Array<string>(confirmations - 1).fill("up"), "down"]);
      expect(await incidentsOf(monitor.id)).toHaveLength(1);
    }
  });

  it("recovers from down to up and resolves the incident with its exact duration", async () => {
    const { ctx, advance, start } = await workspaceWithClock(database.db);
    const { monitor, path } = await monitorAt(ctx);
    await check(ctx, monitor);
    target.set(path, { status: 500 });
    advance(60);
    await check(ctx, monitor);
    advance(20);
    await check(ctx, monitor);
    target.set(path, { status: 200 });

    advance(20);
    const recovery = await check(ctx, monitor);

    expect(recovery).toMatchObject({ recorded: true, status: "up" });
    expect(recovery.flip).toMatchObject({ from: "down", to: "up" });
    expect(recovery.nextCheckAt).toEqual(new Date(start.getTime() + 160_000));
    const history = await flipsOf(monitor.id);
    expect(history.map((f) => `${f.fromStatus}>${f.toStatus}`)).toEqual([
      "pending>up",
      "up>down",
      "down>up",
    ]);
    const resolvedAt = new Date(start.getTime() + 100_000);
    expect(await incidentsOf(monitor.id)).toEqual([
      expect.objectContaining({
        startedAt: new Date(start.getTime() + 80_000),
        resolvedAt,
        resolvedByFlipId: history[2]?.id,
      }),
    ]);
    advance(30);
    const { incidents: shown } = await getMonitorHistory({ ctx, input: { monitorId: monitor.id } });
    expect(shown).toEqual([expect.objectContaining({ resolvedAt, durationMs: 20_000 })]);
  });

  it("never goes down for a flapping target that fails once and recovers", async () => {
    const { ctx, advance, start } = await workspaceWithClock(database.db);
    const { monitor, path } = await monitorAt(ctx);
    await check(ctx, monitor);
    for (let round = 0; round < 3; round++) {
      target.set(path, { status: 500 });
      advance(60);
      const failed = await check(ctx, monitor);
      expect(failed).toMatchObject({ status: "up", flip: null });
      target.set(path, { status: 200 });
      advance(20);
      const recovered = await check(ctx, monitor);
      expect(recovered).toMatchObject({ status: "up", flip: null });
    }
    expect(await flipsOf(monitor.id)).toEqual([
      expect.objectContaining({ fromStatus: "pending", toStatus: "up", at: start }),
    ]);
    expect(await incidentsOf(monitor.id)).toEqual([]);
    expect(await findMonitor(database.db, ctx.workspaceId, monitor.id)).toMatchObject({
      status: "up",
      consecutiveFailures: 0,
    });
  });

  it("flips to degraded while the target answers slower than degradedAfterMs, and back", async () => {
    const { ctx, advance } = await workspaceWithClock(database.db);
    const { monitor, path } = await monitorAt(ctx, { degradedAfterMs: 500 });
    await expect(check(ctx, monitor)).resolves.toMatchObject({ status: "up" });

    target.set(path, { delayMs: 900 });
    advance(60);
    const slow = await check(ctx, monitor);
    expect(slow).toMatchObject({ recorded: true, status: "degraded" });
    expect(slow.flip).toMatchObject({ from: "up", to: "degraded" });

    target.set(path, { delayMs: 0 });
    advance(60);
    const fast = await check(ctx, monitor);
    expect(fast.flip).toMatchObject({ from: "degraded", to: "up" });
    expect(await incidentsOf(monitor.id)).toEqual([]);
    const [, slowRow] = await listChecks({ ctx, input: { monitorId: monitor.id, limit: 3 } });
    expect(slowRow?.durationMs).toBeGreaterThanOrEqual(900);
  });

  it("records each check with its status, status code, duration and error, newest first", async () => {
    const { ctx, advance, start } = await workspaceWithClock(database.db);
    const { monitor, path } = await monitorAt(ctx, { timeoutSecs: 1 });
    await check(ctx, monitor);
    target.set(path, { status: 500 });
    advance(60);
    await check(ctx, monitor);
    target.set(path, { status: 200, delayMs: 2_500 });
    advance(20);
    await check(ctx, monitor);

    const rows = await listChecks({ ctx, input: { monitorId: monitor.id, limit: 50 } });

    expect(rows).toEqual([
      expect.objectContaining({
        status: "timeout",
        statusCode: null,
        error: expect.stringMatching(/time/i) as unknown,
        errorKind: "timeout",
        checkedAt: new Date(start.getTime() + 80_000),
      }),
      expect.objectContaining({
        status: "down",
        statusCode: 500,
        error: UNEXPECTED_500,
        errorKind: "status",
        checkedAt: new Date(start.getTime() + 60_000),
      }),
      expect.objectContaining({
        status: "up",
        statusCode: 200,
        error: null,
        errorKind: null,
        checkedAt: start,
        monitorId: monitor.id,
        workspaceId: ctx.workspaceId,
      }),
    ]);
    for (const row of rows) expect(Number.isInteger(row.durationMs)).toBe(true);
    expect(rows[0]?.durationMs).toBeGreaterThanOrEqual(900);
    expect(rows[0]?.durationMs).toBeLessThan(2_500);
    await expect(
      listChecks({ ctx, input: { monitorId: monitor.id, limit: 2 } }),
    ).resolves.toHaveLength(2);
    const stored = await database.db
      .select()
      .from(checkResults)
      .where(eq(checkResults.monitorId, monitor.id));
    expect(stored).toHaveLength(3);
  });

  it("computes uptime from the time spent down, not from the number of failed checks", async () => {
    const { ctx, advance, start } = await workspaceWithClock(database.db);
    const { monitor, path } = await monitorAt(ctx);
    await check(ctx, monitor);
    target.set(path, { status: 500 });
    advance(60);
    await check(ctx, monitor);
    advance(20);
    await check(ctx, monitor);
    for (let i = 0; i < 4; i++) {
      advance(20);
      await check(ctx, monitor);
    }
    target.set(path, { status: 200 });
    advance(20);
    await check(ctx, monitor);
    advance(80);

    const now = ctx.now();
    expect(now.getTime() - start.getTime()).toBe(260_000);
    const uptimes = await getMonitorUptimes(database.db, {
      workspaceId: ctx.workspaceId,
      monitorIds: [monitor.id],
      now,
    });
    // Monitored from the first check (260 s), down from the flip at 80 s to the recovery at 180 s.
    expect(uptimes.get(monitor.id)?.uptime24h).toBeCloseTo(1 - 100 / 260, 10);
    expect(uptimes.get(monitor.id)?.uptime30d).toBeCloseTo(1 - 100 / 260, 10);
  });

  it("has no uptime figure for a monitor that has never been checked", async () => {
    const { ctx } = await workspaceWithClock(database.db);
    const { monitor } = await monitorAt(ctx);
    const uptimes = await getMonitorUptimes(database.db, {
      workspaceId: ctx.workspaceId,
      monitorIds: [monitor.id],
      now: ctx.now(),
    });
    expect(uptimes.get(monitor.id)).toMatchObject({ uptime24h: null, uptime30d: null });
  });

  it("applies an interval edited while a check was running to the next check", async () => {
    const { ctx } = await workspaceWithClock(database.db);
    const { monitor } = await monitorAt(ctx, { intervalSecs: 3600, retryIntervalSecs: 20 });
    const [leased] = await claimDueMonitors(ctx.db, ctx.now(), 10, monitor.id);
    if (!leased) throw new Error("not claimed");
    await updateMonitor({
      ctx: withPolicy(ctx, anyTarget),
      input: { monitorId: monitor.id, changes: { intervalSecs: 60 } },
    });
    const result = await runHttpCheck(leased, { allowPrivateTargets: true });
    await recordCheckResult({ ctx, monitor: leased, leaseToken: leased.leaseToken, result });
    const after = await findMonitor(ctx.db, ctx.workspaceId, monitor.id);
    expect(after.nextCheckAt.getTime() - ctx.now().getTime()).toBe(60_000);
  });

  it("does not check a monitor before it is due", async () => {
    const { ctx, advance } = await workspaceWithClock(database.db);
    const { monitor, path } = await monitorAt(ctx);
    await check(ctx, monitor);
    advance(59);
    await expect(runCheck({ ctx, monitorId: monitor.id, options })).resolves.toBeNull();
    advance(1);
    await expect(runCheck({ ctx, monitorId: monitor.id, options })).resolves.toMatchObject({
      recorded: true,
    });
    expect(target.hits(path)).toBe(2);
  });
});
