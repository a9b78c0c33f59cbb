import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDbKind, type TestDatabase } from "@/db/testing/test-database";
import { workspaceWithClock } from "@/db/testing/factories";
import { makeMonitor } from "@/db/testing/make-monitor";
import { makeHeartbeat, pingAt } from "@/db/testing/make-heartbeat";
import { startTestTarget, type TestTarget } from "@/testing/checks/start-test-target";
import type { WorkspaceCtx } from "@/server/services/context";
import { runCheck } from "@/server/services/checks/run-due-checks";
import { sweepDeadlines } from "@/server/services/heartbeats/sweep-deadlines";
import { getOverview } from "@/server/services/overview/get-overview";

const options = { privateTargets: "all" } as const;

describe(`the overview on ${testDbKind()}`, () => {
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

  async function monitorAnswering(
    ctx: WorkspaceCtx,
    name: string,
    behaviour: { status?: number; delayMs?: number },
    overrides: Parameters<typeof makeMonitor>[2] = {},
  ) {
    const path = `/${randomUUID()}`;
    target.set(path, behaviour);
    const monitor = await makeMonitor(ctx, target.url(path), {
      name,
      confirmations: 1,
      ...overrides,
    });
    const outcome = await runCheck({ ctx, monitorId: monitor.id, options });
    if (!outcome) throw new Error(`${name} was not due`);
    return monitor;
  }

  it("puts what is down, missing and degraded first, each with since when, and counts the pace", async () => {
    const { ctx, advance, start } = await workspaceWithClock(database.db);
    const down = await monitorAnswering(ctx, "Checkout API", { status: 503 });
    const slow = await monitorAnswering(
      ctx,
      "Search",
      { status: 200, delayMs: 40 },
      { degradedAfterMs: 1 },
    );
    await monitorAnswering(ctx, "Website", { status: 200 });
    const backup = await makeHeartbeat(ctx, { name: "Nightly backup" });
    const report = await makeHeartbeat(ctx, { name: "Hourly report" });
    await pingAt(database.db, backup.token, start);
    // The backup is late at 60 s and missing at 90 s (30 s grace); the report is on time.
    for (let i = 0; i < 5; i++) {
      advance(20);
      await sweepDeadlines({ ctx });
    }
    await pingAt(database.db, report.token, ctx.now());
    const missingSince = await database.db.query.heartbeats
      .findFirst({ where: (h, { eq }) => eq(h.id, backup.id) })
      .then((h) => h?.statusChangedAt);

    const outsider = await workspaceWithClock(database.db);
    await monitorAnswering(outsider.ctx, "Someone else's API", { status: 503 });

    const overview = await getOverview({ ctx });
    expect(
      overview.problems.map((p) => [p.kind, p.name, p.state, p.severity, p.since.getTime()]),
    ).toEqual([
      ["monitor", "Checkout API", "down", "outage", start.getTime()],
      ["heartbeat", "Nightly backup", "missing", "outage", missingSince?.getTime()],
      ["monitor", "Search", "degraded", "warning", start.getTime()],
    ]);
    expect(missingSince?.getTime()).toBeGreaterThan(start.getTime());
    expect(overview.counts).toEqual({ monitors: 3, heartbeats: 2, paused: 0 });
    expect(overview.tiles.map((t) => t.name)).toEqual([
      "Checkout API",
      "Search",
      "Website",
      "Hourly report",
      "Nightly backup",
    ]);
    const downTile = overview.tiles.find((t) => t.id === down.id);
    expect(downTile?.kind === "monitor" && downTile.checks).toEqual([
      { ms: expect.any(Number) as number, ok: false },
    ]);
    const slowTile = overview.tiles.find((t) => t.id === slow.id);
    expect(slowTile?.kind === "monitor" && slowTile.checks[0]?.ms).toBeGreaterThanOrEqual(30);
    const backupTile = overview.tiles.find((t) => t.id === backup.id);
    expect(backupTile?.kind === "heartbeat" && backupTile.pings).toEqual(["success"]);

    expect(overview.openIncidents.map((i) => i.subjectName).sort()).toEqual([
      "Checkout API",
      "Nightly backup",
    ]);
    expect(overview.flips.slice(0, 2)).toMatchObject([
      { subjectName: "Hourly report", from: "new", to: "up" },
      { subjectName: "Nightly backup", from: "late", to: "missing" },
    ]);
    expect(overview.flips.map((f) => f.subjectName)).not.toContain("Someone else's API");
    expect(overview.pace).toMatchObject({ windowMins: 5, checks: 3, pings: 2 });
    expect(overview.pace.checksPerMin).toBe(0.6);

    // Over five minutes after the last ping, nothing was checked or pinged in the window.
    advance(301);
    expect((await getOverview({ ctx })).pace).toMatchObject({ checks: 0, pings: 0 });
  });

  it("gives a new workspace nothing to show", async () => {
    const { ctx } = await workspaceWithClock(database.db);
    const overview = await getOverview({ ctx });
    expect(overview.counts).toEqual({ monitors: 0, heartbeats: 0, paused: 0 });
    expect(overview.tiles).toEqual([]);
    expect(overview.problems).toEqual([]);
    expect(overview.flips).toEqual([]);
    expect(overview.pace).toMatchObject({ checks: 0, pings: 0 });
  });
});
