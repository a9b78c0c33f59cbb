import { randomUUID } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkResults, flips, incidents, monitors, type Monitor } from "@/db/schema";
import { createTestDatabase, testDbKind, type TestDatabase } from "@/db/testing/test-database";
import { makeUser, workspaceWithClock } from "@/db/testing/factories";
import { anyTarget, makeMonitor, withPolicy } from "@/db/testing/make-monitor";
import { runHttpCheck } from "@/server/checks/http/run-http-check";
import { startTestTarget, type TestTarget } from "@/testing/checks/start-test-target";
import type { WorkspaceCtx } from "@/server/services/context";
import { claimDueMonitors } from "@/server/services/checks/claim-due-monitors";
import { recordCheckResult } from "@/server/services/checks/record-check-result";
import { runCheck } from "@/server/services/checks/run-due-checks";
import { deleteMonitor } from "@/server/services/monitors/delete-monitor";
import { findMonitor } from "@/server/services/monitors/find-monitor";
import { listChecks } from "@/server/services/monitors/list-checks";
import { pauseMonitor, resumeMonitor } from "@/server/services/monitors/pause-monitor";
import { updateMonitor } from "@/server/services/monitors/update-monitor";

const options = { privateTargets: "all" } as const;
const FAR_FUTURE = new Date("2100-01-01T00:00:00Z");

describe(`pausing, resuming and deleting monitors on ${testDbKind()}`, () => {
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
    return { monitor: await makeMonitor(ctx, target.url(path), overrides), path };
  }

  async function check(ctx: WorkspaceCtx, monitor: Monitor) {
    const outcome = await runCheck({ ctx, monitorId: monitor.id, options });
    if (!outcome) throw new Error("the monitor was not due");
    return outcome;
  }

  /** Starts a check the way a scheduler does: lease the monitor, then call the target. */
  async function startCheck(ctx: WorkspaceCtx, monitor: Monitor) {
    const [leased] = await claimDueMonitors(ctx.db, ctx.now(), 1, monitor.id);
    if (!leased) throw new Error("the monitor was not due");
    return { leased, result: await runHttpCheck(leased, { allowPrivateTargets: true }) };
  }

  const flipsOf = (monitorId: string) =>
    database.db.select().from(flips).where(eq(flips.monitorId, monitorId)).orderBy(asc(flips.at));
  const checksOf = (monitorId: string) =>
    database.db.select().from(checkResults).where(eq(checkResults.monitorId, monitorId));
  const incidentsOf = (monitorId: string) =>
    database.db.select().from(incidents).where(eq(incidents.monitorId, monitorId));

  it("pauses an up monitor with one flip to paused and no incident", async () => {
    const { ctx, advance } = await workspaceWithClock(database.db);
    const { monitor } = await monitorAt(ctx);
    await check(ctx, monitor);
    advance(5);
    const pausedAt = ctx.now();

    const paused = await pauseMonitor({ ctx, input: { monitorId: monitor.id } });

    expect(paused).toMatchObject({
      status: "paused",
      consecutiveFailures: 0,
      statusChangedAt: pausedAt,
      leaseToken: null,
    });
    const history = await flipsOf(monitor.id);
    expect(history.map((f) => `${f.fromStatus}>${f.toStatus}`)).toEqual([
      "pending>up",
      "up>paused",
    ]);
    expect(history[1]).toMatchObject({ at: pausedAt, reason: "paused" });
    expect(await incidentsOf(monitor.id)).toEqual([]);

    await expect(pauseMonitor({ ctx, input: { monitorId: monitor.id } })).resolves.toMatchObject({
      status: "paused",
    });
    expect(await flipsOf(monitor.id)).toHaveLength(2);
  });

  it("closes the open incident of a down monitor when it is paused", async () => {
    const { ctx, advance } = await workspaceWithClock(database.db);
    const { monitor, path } = await monitorAt(ctx, { confirmations: 1 });
    target.set(path, { status: 500 });
    await check(ctx, monitor);
    advance(30);
    const pausedAt = ctx.now();

    await pauseMonitor({ ctx, input: { monitorId: monitor.id } });

    const history = await flipsOf(monitor.id);
    expect(history.map((f) => `${f.fromStatus}>${f.toStatus}`)).toEqual([
      "pending>down",
      "down>paused",
    ]);
    expect(await incidentsOf(monitor.id)).toEqual([
      expect.objectContaining({ resolvedAt: pausedAt, resolvedByFlipId: history[1]?.id }),
    ]);
  });

  it("never hands a paused monitor to a scheduler", async () => {
    const { ctx } = await workspaceWithClock(database.db);
    const { monitor: pausedAtOnce } = await monitorAt(ctx, { paused: true });
    const { monitor: pausedLater } = await monitorAt(ctx);
    await pauseMonitor({ ctx, input: { monitorId: pausedLater.id } });

    const claimed = await claimDueMonitors(database.db, FAR_FUTURE, 10_000);

    expect(claimed.map((m) => m.id)).not.toContain(pausedAtOnce.id);
    expect(claimed.map((m) => m.id)).not.toContain(pausedLater.id);
    await expect(claimDueMonitors(database.db, FAR_FUTURE, 1, pausedLater.id)).resolves.toEqual([]);
    await expect(runCheck({ ctx, monitorId: pausedAtOnce.id, options })).resolves.toBeNull();
    expect(await checksOf(pausedAtOnce.id)).toEqual([]);
    expect(await flipsOf(pausedAtOnce.id)).toEqual([]);
  });

  it("discards a check that was in flight when the monitor was paused", async () => {
    const { ctx, advance } = await workspaceWithClock(database.db);
    const { monitor, path } = await monitorAt(ctx);
    target.set(path, { status: 500 });
    const { leased, result } = await startCheck(ctx, monitor);
    expect(result.status).toBe("down");
    advance(1);

    await pauseMonitor({ ctx, input: { monitorId: monitor.id } });
    const outcome = await recordCheckResult({
      ctx,
      monitor: leased,
      leaseToken: leased.leaseToken,
      result,
    });

    expect(outcome).toMatchObject({ recorded: false, flip: null });
    expect(await checksOf(monitor.id)).toEqual([]);
    expect((await flipsOf(monitor.id)).map((f) => f.toStatus)).toEqual(["paused"]);
    expect(await findMonitor(database.db, ctx.workspaceId, monitor.id)).toMatchObject({
      status: "paused",
      consecutiveFailures: 0,
      lastCheckedAt: null,
    });
  });

  it("discards a check that was in flight across a pause and a resume", async () => {
    const { ctx, advance } = await workspaceWithClock(database.db);
    const { monitor } = await monitorAt(ctx);
    const { leased, result } = await startCheck(ctx, monitor);
    advance(1);
    await pauseMonitor({ ctx, input: { monitorId: monitor.id } });
    await resumeMonitor({ ctx, input: { monitorId: monitor.id } });

    const outcome = await recordCheckResult({
      ctx,
      monitor: leased,
      leaseToken: leased.leaseToken,
      result,
    });

    expect(outcome.recorded).toBe(false);
    expect(await checksOf(monitor.id)).toEqual([]);
    expect(await findMonitor(database.db, ctx.workspaceId, monitor.id)).toMatchObject({
      status: "pending",
      lastCheckedAt: null,
    });
  });

  it("resumes from pending with a check due at once", async () => {
    const { ctx, advance } = await workspaceWithClock(database.db);
    const { monitor } = await monitorAt(ctx);
    await check(ctx, monitor);
    advance(5);
    await pauseMonitor({ ctx, input: { monitorId: monitor.id } });
    advance(600);
    const resumedAt = ctx.now();

    const resumed = await resumeMonitor({ ctx, input: { monitorId: monitor.id } });

    expect(resumed).toMatchObject({ status: "pending", nextCheckAt: resumedAt });
    const { leased, result } = await startCheck(ctx, monitor);
    expect(leased).toMatchObject({ id: monitor.id, status: "pending" });
    const outcome = await recordCheckResult({
      ctx,
      monitor: leased,
      leaseToken: leased.leaseToken,
      result,
    });
    expect(outcome.flip).toMatchObject({ from: "pending", to: "up" });
    expect((await flipsOf(monitor.id)).map((f) => `${f.fromStatus}>${f.toStatus}`)).toEqual([
      "pending>up",
      "up>paused",
      "paused>pending",
      "pending>up",
    ]);
  });

  it("pauses and resumes through an edit of the paused setting", async () => {
    const { ctx, advance } = await workspaceWithClock(database.db);
    const { monitor } = await monitorAt(ctx);
    await expect(
      updateMonitor({
        ctx: withPolicy(ctx, anyTarget),
        input: { monitorId: monitor.id, changes: { paused: true } },
      }),
    ).resolves.toMatchObject({ status: "paused" });
    advance(5);
    await expect(
      updateMonitor({
        ctx: withPolicy(ctx, anyTarget),
        input: { monitorId: monitor.id, changes: { paused: false } },
      }),
    ).resolves.toMatchObject({ status: "pending" });
    expect((await flipsOf(monitor.id)).map((f) => `${f.fromStatus}>${f.toStatus}`)).toEqual([
      "pending>paused",
      "paused>pending",
    ]);
  });

  it("deletes a monitor with its history, and a check in flight records nothing", async () => {
    const { ctx, advance } = await workspaceWithClock(database.db);
    const { monitor, path } = await monitorAt(ctx, { confirmations: 1 });
    target.set(path, { status: 500 });
    await check(ctx, monitor);
    expect(await incidentsOf(monitor.id)).toHaveLength(1);
    advance(60);
    const { leased, result } = await startCheck(ctx, monitor);

    await deleteMonitor({ ctx, input: { monitorId: monitor.id } });
    const outcome = await recordCheckResult({
      ctx,
      monitor: leased,
      leaseToken: leased.leaseToken,
      result,
    });

    expect(outcome).toMatchObject({ recorded: false, flip: null });
    expect(await database.db.select().from(monitors).where(eq(monitors.id, monitor.id))).toEqual(
      [],
    );
    expect(await checksOf(monitor.id)).toEqual([]);
    expect(await flipsOf(monitor.id)).toEqual([]);
    expect(await incidentsOf(monitor.id)).toEqual([]);
    const claimed = await claimDueMonitors(database.db, FAR_FUTURE, 10_000);
    expect(claimed.map((m) => m.id)).not.toContain(monitor.id);
    await expect(runCheck({ ctx, monitorId: monitor.id, options })).resolves.toBeNull();
    await expect(deleteMonitor({ ctx, input: { monitorId: monitor.id } })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("lets no other workspace pause, resume, delete or read a monitor", async () => {
    const { ctx } = await workspaceWithClock(database.db);
    const { monitor } = await monitorAt(ctx);
    const outsider = await makeUser(database.db);
    const theirs: WorkspaceCtx = {
      ...ctx,
      actor: { userId: outsider.user.id },
      workspaceId: outsider.workspace.id,
    };
    const attempts = [
      () => pauseMonitor({ ctx: theirs, input: { monitorId: monitor.id } }),
      () => resumeMonitor({ ctx: theirs, input: { monitorId: monitor.id } }),
      () => deleteMonitor({ ctx: theirs, input: { monitorId: monitor.id } }),
      () => listChecks({ ctx: theirs, input: { monitorId: monitor.id, limit: 10 } }),
      () =>
        updateMonitor({
          ctx: withPolicy(theirs, anyTarget),
          input: { monitorId: monitor.id, changes: { name: "mine now" } },
        }),
    ];
    for (const attempt of attempts)
      await expect(attempt()).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await findMonitor(database.db, ctx.workspaceId, monitor.id)).toMatchObject({
      name: monitor.name,
      status: "pending",
    });
    expect(await flipsOf(monitor.id)).toEqual([]);
  });
});
