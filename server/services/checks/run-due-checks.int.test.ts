import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkResults, flips, incidents, monitors, type Monitor } from "@/db/schema";
import { openDatabase, type Db } from "@/db/client";
import { createTestDatabase, testDbKind, type TestDatabase } from "@/db/testing/test-database";
import { makeUser } from "@/db/testing/factories";
import { makeMonitor } from "@/db/testing/make-monitor";
import { runHttpCheck } from "@/server/checks/http/run-http-check";
import { startTestTarget, type TestTarget } from "@/testing/checks/start-test-target";
import { systemClock, type ServiceCtx, type WorkspaceCtx } from "@/server/services/context";
import { claimDueMonitors } from "@/server/services/checks/claim-due-monitors";
import { recordCheckResult } from "@/server/services/checks/record-check-result";
import { runDueChecks } from "@/server/services/checks/run-due-checks";

const options = { privateTargets: "all" } as const;
// Checked once, these monitors are not due again while the later tests in this file run rounds.
const quiet = { intervalSecs: 3600, retryIntervalSecs: 600, timeoutSecs: 2 };

describe(`checks on several nodes at once on ${testDbKind()}`, () => {
  let database: TestDatabase;
  let target: TestTarget;
  /** A second node's connection pool to the same database (the same handle on PGlite). */
  let otherNode: Db;
  let closeOtherNode = async () => {};

  beforeAll(async () => {
    database = await createTestDatabase();
    target = await startTestTarget();
    if (database.kind === "postgres" && database.url) {
      const handle = await openDatabase({ kind: "postgres", url: database.url, max: 10 });
      otherNode = handle.db;
      closeOtherNode = handle.close;
    } else {
      otherNode = database.db;
    }
  });
  afterAll(async () => {
    await closeOtherNode();
    await target.close();
    await database.drop();
  });

  async function workspace(now = systemClock) {
    const { user, workspace } = await makeUser(database.db);
    const ctx: WorkspaceCtx = {
      db: database.db,
      now,
      actor: { userId: user.id },
      workspaceId: workspace.id,
    };
    return ctx;
  }

  const nodes = (now = systemClock): [ServiceCtx, ServiceCtx] => [
    { db: database.db, now },
    { db: otherNode, now },
  ];

  const flipsOf = (ids: string[]) =>
    database.db.select().from(flips).where(inArray(flips.monitorId, ids));

  async function lease(monitor: Monitor, now: Date) {
    const [leased] = await claimDueMonitors(database.db, now, 1, monitor.id);
    if (!leased) throw new Error("the monitor was not due");
    return leased;
  }

  /** One node's share of a round: small batches until nothing due is left to claim. */
  async function runRound(node: ServiceCtx, now: Date) {
    let claimed = 0;
    let recorded = 0;
    for (;;) {
      const pass = await runDueChecks({ ctx: node, now, options, batch: 4, concurrency: 3 });
      claimed += pass.claimed;
      recorded += pass.recorded;
      if (pass.claimed === 0) return { claimed, recorded };
    }
  }

  it("records a check only once when two nodes report it with the same lease", async () => {
    const ctx = await workspace();
    const path = `/${randomUUID()}`;
    const monitor = await makeMonitor(ctx, target.url(path), quiet);
    const leased = await lease(monitor, ctx.now());
    const result = await runHttpCheck(leased, { allowPrivateTargets: true });

    const outcomes = await Promise.all(
      nodes().map((node) =>
        recordCheckResult({ ctx: node, monitor: leased, leaseToken: leased.leaseToken, result }),
      ),
    );

    expect(outcomes.map((o) => o.recorded).sort()).toEqual([false, true]);
    expect(outcomes.filter((o) => o.flip)).toHaveLength(1);
    expect(await flipsOf([monitor.id])).toHaveLength(1);
    expect(
      await database.db.select().from(checkResults).where(eq(checkResults.monitorId, monitor.id)),
    ).toHaveLength(1);
  });

  it("opens one incident when two nodes report the confirming failure at once", async () => {
    const ctx = await workspace();
    const path = `/${randomUUID()}`;
    const monitor = await makeMonitor(ctx, target.url(path), { ...quiet, confirmations: 1 });
    target.set(path, { status: 500 });
    const leased = await lease(monitor, ctx.now());
    const result = await runHttpCheck(leased, { allowPrivateTargets: true });
    const [a, b] = nodes();

    const outcomes = await Promise.all(
      [a, b, a, b].map((node) =>
        recordCheckResult({ ctx: node, monitor: leased, leaseToken: leased.leaseToken, result }),
      ),
    );

    expect(outcomes.filter((o) => o.recorded)).toHaveLength(1);
    expect((await flipsOf([monitor.id])).map((f) => f.toStatus)).toEqual(["down"]);
    expect(
      await database.db.select().from(incidents).where(eq(incidents.monitorId, monitor.id)),
    ).toHaveLength(1);
  });

  it("lets another node take over an expired lease and drops the first node's late result", async () => {
    const ctx = await workspace();
    const monitor = await makeMonitor(ctx, target.url(`/${randomUUID()}`), quiet);
    const start = ctx.now();
    const first = await lease(monitor, start);
    const stillLeased = new Date(start.getTime() + 31_000);
    await expect(claimDueMonitors(otherNode, stillLeased, 1, monitor.id)).resolves.toEqual([]);

    const expired = new Date(start.getTime() + 32_000);
    const [second] = await claimDueMonitors(otherNode, expired, 1, monitor.id);
    if (!second) throw new Error("the expired lease was not taken over");
    expect(second.leaseToken).not.toBe(first.leaseToken);

    const result = await runHttpCheck(first, { allowPrivateTargets: true });
    const late = await recordCheckResult({
      ctx: { db: database.db, now: () => expired },
      monitor: first,
      leaseToken: first.leaseToken,
      result,
    });
    const current = await recordCheckResult({
      ctx: { db: otherNode, now: () => expired },
      monitor: second,
      leaseToken: second.leaseToken,
      result,
    });

    expect(late.recorded).toBe(false);
    expect(current).toMatchObject({ recorded: true, status: "up" });
    expect((await flipsOf([monitor.id])).map((f) => `${f.fromStatus}>${f.toStatus}`)).toEqual([
      "pending>up",
    ]);
  });

  it("checks every due monitor exactly once when two nodes run the round at once", async () => {
    const ctx = await workspace();
    const round = randomUUID();
    const paths = Array.from({ length: 30 }, (_, i) => `/${round}/${i}`);
    for (const [i, path] of paths.entries()) {
      // A few slow targets keep checks in flight while the other node claims.
      target.set(path, { delayMs: i % 3 === 0 ? 150 : 10 });
    }
    const created = await Promise.all(
      paths.map((path) => makeMonitor(ctx, target.url(path), quiet)),
    );
    const ids = created.map((m) => m.id);
    const now = new Date();
    const [a, b] = await Promise.all(nodes().map((node) => runRound(node, now)));

    expect(paths.map((path) => target.hits(path))).toEqual(paths.map(() => 1));
    expect(a?.claimed).toBeGreaterThan(0);
    expect(b?.claimed).toBeGreaterThan(0);
    expect((a?.claimed ?? 0) + (b?.claimed ?? 0)).toBe(30);
    expect((a?.recorded ?? 0) + (b?.recorded ?? 0)).toBe(30);
    const roundFlips = await flipsOf(ids);
    expect(roundFlips).toHaveLength(30);
    expect(new Set(roundFlips.map((f) => f.monitorId)).size).toBe(30);
    expect(roundFlips.every((f) => f.fromStatus === "pending" && f.toStatus === "up")).toBe(true);
    const checks = await database.db
      .select({ monitorId: checkResults.monitorId })
      .from(checkResults)
      .where(inArray(checkResults.monitorId, ids));
    expect(checks).toHaveLength(30);
    const states = await database.db
      .select({ status: monitors.status, leaseToken: monitors.leaseToken })
      .from(monitors)
      .where(and(inArray(monitors.id, ids), eq(monitors.workspaceId, ctx.workspaceId)));
    expect(states.every((m) => m.status === "up" && m.leaseToken === null)).toBe(true);
  });

  it("flips each failing monitor to down once when two nodes run the rounds at once", async () => {
    let at = Date.now();
    const clock = () => new Date(at);
    const ctx = await workspace(clock);
    const round = randomUUID();
    const paths = Array.from({ length: 20 }, (_, i) => `/${round}/${i}`);
    for (const path of paths) target.set(path, { status: 500, delayMs: 5 });
    const created = await Promise.all(
      paths.map((path) => makeMonitor(ctx, target.url(path), { confirmations: 2 })),
    );
    const ids = created.map((m) => m.id);

    for (let pass = 0; pass < 3; pass++) {
      const now = clock();
      await Promise.all(nodes(clock).map((node) => runRound(node, now)));
      at += 20_000;
    }

    expect(paths.map((path) => target.hits(path))).toEqual(paths.map(() => 3));
    const roundFlips = await flipsOf(ids);
    expect(roundFlips).toHaveLength(20);
    expect(roundFlips.every((f) => f.fromStatus === "pending" && f.toStatus === "down")).toBe(true);
    const opened = await database.db
      .select()
      .from(incidents)
      .where(inArray(incidents.monitorId, ids));
    expect(opened).toHaveLength(20);
    expect(new Set(opened.map((i) => i.monitorId)).size).toBe(20);
  });
});
