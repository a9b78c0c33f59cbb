import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { asc, eq, sql } from "drizzle-orm";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { flips, type Monitor } from "@/db/schema";
import { createTestDatabase, testDbKind, type TestDatabase } from "@/db/testing/test-database";
import { makeUser } from "@/db/testing/factories";
import { makeMonitor } from "@/db/testing/make-monitor";
import { startTestTarget, type TestTarget } from "@/testing/checks/start-test-target";
import { EmbeddedScheduler } from "@/server/jobs/embedded-scheduler";
import { systemClock, type WorkspaceCtx } from "@/server/services/context";
import { deleteMonitor } from "@/server/services/monitors/delete-monitor";
import { listChecks } from "@/server/services/monitors/list-checks";
import { pauseMonitor } from "@/server/services/monitors/pause-monitor";

// The shortest settings the engine accepts: a 1 s timeout below a 2 s retry interval.
const fast = { intervalSecs: 2, retryIntervalSecs: 2, timeoutSecs: 1 };

describe(`the embedded scheduler on ${testDbKind()}`, () => {
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

  async function newWorkspace(): Promise<WorkspaceCtx> {
    const { user, workspace } = await makeUser(database.db);
    return {
      db: database.db,
      now: systemClock,
      actor: { userId: user.id },
      workspaceId: workspace.id,
    };
  }

  const newScheduler = () =>
    new EmbeddedScheduler({
      db: database.db,
      now: systemClock,
      logger: pino({ level: "silent" }),
      options: { privateTargets: "all" },
    });

  /**
   * Runs `body` with a started scheduler and a fresh workspace; afterwards stops the scheduler and
   * deletes the workspace's monitors so that no later test's scheduler checks them.
   */
  async function withScheduler(
    body: (s: {
      scheduler: EmbeddedScheduler;
      ctx: WorkspaceCtx;
      monitorFor: (path: string, overrides?: Parameters<typeof makeMonitor>[2]) => Promise<Monitor>;
    }) => Promise<void>,
  ) {
    const ctx = await newWorkspace();
    const created: Monitor[] = [];
    const monitorFor = async (path: string, overrides: Parameters<typeof makeMonitor>[2] = {}) => {
      const monitor = await makeMonitor(ctx, target.url(path), { ...fast, ...overrides });
      created.push(monitor);
      return monitor;
    };
    const scheduler = newScheduler();
    scheduler.start();
    try {
      await body({ scheduler, ctx, monitorFor });
    } finally {
      await scheduler.stop();
      for (const monitor of created) {
        await deleteMonitor({ ctx, input: { monitorId: monitor.id } }).catch(() => undefined);
      }
    }
  }

  async function waitFor<T>(
    read: () => Promise<T>,
    done: (value: T) => boolean,
    timeoutMs: number,
  ) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await read();
      if (done(value)) return value;
      if (Date.now() > deadline) throw new Error(`not done after ${timeoutMs} ms`);
      await sleep(25);
    }
  }

  const checksOldestFirst = async (ctx: WorkspaceCtx, monitorId: string) =>
    (await listChecks({ ctx, input: { monitorId, limit: 100 } })).reverse();
  const flipsOf = (monitorId: string) =>
    database.db.select().from(flips).where(eq(flips.monitorId, monitorId)).orderBy(asc(flips.at));
  const gapsMs = (times: Date[]) =>
    times.slice(1).map((t, i) => t.getTime() - (times[i]?.getTime() ?? Number.NaN));

  it("checks a new monitor at once and then again at each interval", async () => {
    await withScheduler(async ({ ctx, monitorFor }) => {
      const path = `/${randomUUID()}`;
      const monitor = await monitorFor(path);

      const checks = await waitFor(
        () => checksOldestFirst(ctx, monitor.id),
        (rows) => rows.length >= 3,
        8_000,
      );

      expect(checks[0]!.checkedAt.getTime() - monitor.createdAt.getTime()).toBeLessThan(1_500);
      for (const gap of gapsMs(checks.slice(0, 3).map((c) => c.checkedAt))) {
        expect(gap).toBeGreaterThanOrEqual(1_990);
        expect(gap).toBeLessThan(4_000);
      }
      expect(checks.every((c) => c.status === "up")).toBe(true);
      expect((await flipsOf(monitor.id)).map((f) => f.toStatus)).toEqual(["up"]);
    });
  });

  it("re-checks a failing target at the retry interval and flips it down", async () => {
    await withScheduler(async ({ ctx, monitorFor }) => {
      const path = `/${randomUUID()}`;
      const monitor = await monitorFor(path, { intervalSecs: 6, retryIntervalSecs: 2 });
      await waitFor(
        () => flipsOf(monitor.id),
        (rows) => rows.length === 1,
        2_000,
      );
      target.set(path, { status: 500 });

      const history = await waitFor(
        () => flipsOf(monitor.id),
        (rows) => rows.length === 2,
        12_000,
      );

      expect(history.map((f) => `${f.fromStatus}>${f.toStatus}`)).toEqual([
        "pending>up",
        "up>down",
      ]);
      const failures = (await checksOldestFirst(ctx, monitor.id)).filter((c) => c.status !== "up");
      expect(failures).toHaveLength(2);
      const [retryGap] = gapsMs(failures.map((c) => c.checkedAt));
      expect(retryGap).toBeGreaterThanOrEqual(1_990);
      expect(retryGap).toBeLessThan(5_000);
      expect(history[1]?.at).toEqual(failures[1]?.checkedAt);
    });
  });

  it("picks up a monitor created while it sleeps without waiting for its next wake-up", async () => {
    await withScheduler(async ({ ctx, monitorFor }) => {
      const sleeper = await monitorFor(`/${randomUUID()}`, {
        intervalSecs: 60,
        retryIntervalSecs: 20,
      });
      await waitFor(
        () => checksOldestFirst(ctx, sleeper.id),
        (rows) => rows.length === 1,
        2_000,
      );
      await sleep(300);

      const path = `/${randomUUID()}`;
      const monitor = await monitorFor(path);
      const [first] = await waitFor(
        () => checksOldestFirst(ctx, monitor.id),
        (rows) => rows.length >= 1,
        2_000,
      );

      expect(first!.checkedAt.getTime() - monitor.createdAt.getTime()).toBeLessThan(2_000);
      expect(await checksOldestFirst(ctx, sleeper.id)).toHaveLength(1);
    });
  });

  it("never checks a paused monitor", async () => {
    await withScheduler(async ({ ctx, monitorFor }) => {
      const pausedPath = `/${randomUUID()}`;
      const pausedAtOnce = await monitorFor(pausedPath, { paused: true });
      const runningPath = `/${randomUUID()}`;
      const pausedLater = await monitorFor(runningPath);
      await waitFor(
        () => checksOldestFirst(ctx, pausedLater.id),
        (rows) => rows.length >= 1,
        2_000,
      );

      await pauseMonitor({ ctx, input: { monitorId: pausedLater.id } });
      const checksAtPause = (await checksOldestFirst(ctx, pausedLater.id)).length;
      const hitsAtPause = target.hits(runningPath);
      await sleep(3_000);

      expect(target.hits(pausedPath)).toBe(0);
      expect(await checksOldestFirst(ctx, pausedAtOnce.id)).toEqual([]);
      expect(await checksOldestFirst(ctx, pausedLater.id)).toHaveLength(checksAtPause);
      // A check already in flight at the pause may reach the target; its result is discarded.
      expect(target.hits(runningPath)).toBeLessThanOrEqual(hitsAtPause + 1);
    });
  });

  it("finishes the checks in flight when stopped, then checks nothing more", async () => {
    await withScheduler(async ({ scheduler, ctx, monitorFor }) => {
      const path = `/${randomUUID()}`;
      target.set(path, { delayMs: 600 });
      const monitor = await monitorFor(path);
      await target.waitForHits(path, 1, 2_000);
      expect(scheduler.checksInFlight).toBe(1);

      await scheduler.stop();

      expect(scheduler.checksInFlight).toBe(0);
      const recorded = await checksOldestFirst(ctx, monitor.id);
      expect(recorded).toEqual([expect.objectContaining({ status: "up" })]);
      expect(recorded[0]!.durationMs).toBeGreaterThanOrEqual(600);

      const later = `/${randomUUID()}`;
      await monitorFor(later);
      await sleep(2_500);
      expect(target.hits(path)).toBe(1);
      expect(target.hits(later)).toBe(0);
      expect(await checksOldestFirst(ctx, monitor.id)).toHaveLength(1);
    });
  });

  it("starts no check after stop() returns, even when stopped in the middle of a claim", async () => {
    const ctx = await newWorkspace();
    const path = `/${randomUUID()}`;
    const monitor = await makeMonitor(ctx, target.url(path), fast);
    // Holding the monitors table (PostgreSQL) or the only connection (PGlite) stalls the claim.
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    let held = () => {};
    const holding = new Promise<void>((resolve) => (held = resolve));
    const holder = database.db.transaction(async (tx) => {
      await tx.execute(
        database.kind === "postgres" ? sql`lock table monitors in exclusive mode` : sql`select 1`,
      );
      held();
      await released;
    });
    await holding;
    const scheduler = newScheduler();
    try {
      scheduler.start();
      await sleep(300);
      const stopping = scheduler.stop();
      release();
      await holder;
      await stopping;
      const hitsAtStop = target.hits(path);
      const checksAtStop = (await checksOldestFirst(ctx, monitor.id)).length;
      // The claim that was under way when stop() began holds a lease: its check runs to the end.
      expect([hitsAtStop, checksAtStop, scheduler.checksInFlight]).toEqual([1, 1, 0]);

      await sleep(1_500);

      expect(target.hits(path)).toBe(hitsAtStop);
      expect(await checksOldestFirst(ctx, monitor.id)).toHaveLength(checksAtStop);
    } finally {
      release();
      await scheduler.stop();
      await deleteMonitor({ ctx, input: { monitorId: monitor.id } });
    }
  });
});
