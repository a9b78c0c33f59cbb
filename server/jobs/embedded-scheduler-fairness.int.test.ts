import net from "node:net";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Monitor } from "@/db/schema";
import { createTestDatabase, testDbKind, type TestDatabase } from "@/db/testing/test-database";
import { makeUser } from "@/db/testing/factories";
import { makeMonitor } from "@/db/testing/make-monitor";
import { startTestTarget, type TestTarget } from "@/testing/checks/start-test-target";
import { EmbeddedScheduler } from "@/server/jobs/embedded-scheduler";
import { systemClock, type WorkspaceCtx } from "@/server/services/context";
import { deleteMonitor } from "@/server/services/monitors/delete-monitor";
import { listChecks } from "@/server/services/monitors/list-checks";

/** A TCP server on loopback that accepts every connection and never answers a byte. */
async function startSilentTarget() {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("error", () => {});
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/never`,
    open: () => sockets.size,
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe(`fair checks in the embedded scheduler on ${testDbKind()}`, () => {
  let database: TestDatabase;
  let healthy: TestTarget;
  let silent: Awaited<ReturnType<typeof startSilentTarget>>;
  const created: { ctx: WorkspaceCtx; monitor: Monitor }[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    healthy = await startTestTarget();
    silent = await startSilentTarget();
  });
  afterAll(async () => {
    await silent.close();
    await healthy.close();
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

  async function monitorsAt(ctx: WorkspaceCtx, count: number, url: () => string, settings: object) {
    const made: Monitor[] = [];
    for (let i = 0; i < count; i++) {
      const monitor = await makeMonitor(ctx, url(), settings);
      created.push({ ctx, monitor });
      made.push(monitor);
    }
    return made;
  }

  async function deleteCreated() {
    for (const { ctx, monitor } of created.splice(0))
      await deleteMonitor({ ctx, input: { monitorId: monitor.id } }).catch(() => undefined);
  }

  const newScheduler = () =>
    new EmbeddedScheduler({
      db: database.db,
      now: systemClock,
      logger: pino({ level: "silent" }),
      options: { privateTargets: "all" },
      concurrency: 20,
      perWorkspace: 5,
    });

  // Each check is due `interval` after the previous one was recorded (the first at creation):
  // its lateness is how much later than that it was recorded.
  async function latenessOf(ctx: WorkspaceCtx, monitor: Monitor, intervalMs: number) {
    const checks = (
      await listChecks({ ctx, input: { monitorId: monitor.id, limit: 100 } })
    ).reverse();
    const times = checks.map((c) => c.checkedAt.getTime());
    const dues = [monitor.createdAt.getTime(), ...times.slice(0, -1).map((t) => t + intervalMs)];
    return times.map((t, i) => t - (dues[i] ?? Number.NaN));
  }

  it("keeps another workspace's checks on time while one workspace's targets never answer", async () => {
    const noisy = await newWorkspace();
    const quiet = await newWorkspace();
    const scheduler = newScheduler();
    scheduler.start();
    try {
      await monitorsAt(noisy, 40, () => silent.url, {
        intervalSecs: 3,
        retryIntervalSecs: 3,
        timeoutSecs: 2,
      });
      await sleep(500);
      expect(silent.open()).toBeGreaterThan(0);

      const watched = await monitorsAt(quiet, 3, () => healthy.url(`/${randomUUID()}`), {
        intervalSecs: 2,
        retryIntervalSecs: 2,
        timeoutSecs: 1,
      });
      await sleep(8_000);

      for (const monitor of watched) {
        const lateness = await latenessOf(quiet, monitor, 2_000);
        expect(lateness.length).toBeGreaterThanOrEqual(3);
        expect(Math.max(...lateness)).toBeLessThan(1_500);
      }
    } finally {
      await scheduler.stop();
      await deleteCreated();
    }
  });

  it("lets a lone workspace run more than its share of checks, up to half the slots", async () => {
    const alone = await newWorkspace();
    const scheduler = newScheduler();
    scheduler.start();
    try {
      await monitorsAt(alone, 12, () => silent.url, {
        intervalSecs: 30,
        retryIntervalSecs: 30,
        timeoutSecs: 2,
      });
      await sleep(700);
      expect(scheduler.checksInFlight).toBe(10);
    } finally {
      await scheduler.stop();
      await deleteCreated();
    }
  });
});
