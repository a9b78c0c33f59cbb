import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { monitors } from "@/db/schema";
import { createTestDatabase, testDbKind, type TestDatabase } from "@/db/testing/test-database";
import { workspaceWithClock } from "@/db/testing/factories";
import { makeMonitor, withPolicy } from "@/db/testing/make-monitor";
import { startTestTarget, type TestTarget } from "@/testing/checks/start-test-target";
import { runCheck } from "@/server/services/checks/run-due-checks";
import { claimDueMonitors } from "@/server/services/checks/claim-due-monitors";
import { recordCheckResult } from "@/server/services/checks/record-check-result";
import { findMonitor } from "@/server/services/monitors/find-monitor";
import { listChecks } from "@/server/services/monitors/list-checks";
import { updateMonitor } from "@/server/services/monitors/update-monitor";
import { updateMonitorInput } from "@/server/services/monitors/monitor-settings";
import { createHeartbeat } from "@/server/services/heartbeats/create-heartbeat";
import { updateHeartbeat } from "@/server/services/heartbeats/update-heartbeat";
import { conditionsToAssertions, type Assertion } from "@/server/domain/monitors/assertions";
import { isServiceError } from "@/server/services/errors";

const options = { privateTargets: "all" } as const;
const guard = options;

describe(`assertions, status and check pages in the services on ${testDbKind()}`, () => {
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

  const okBody: Assertion = { source: "body", comparison: "contains", target: "ok" };
  const is200: Assertion = { source: "status_code", comparison: "eq", target: "200" };

  it("stores a new monitor's assertions as conditions and reads them back", async () => {
    const { ctx } = await workspaceWithClock(database.db);
    const monitor = await makeMonitor(ctx, target.url("/a"), { assertions: [is200, okBody] });
    expect(monitor.conditions).toEqual(["[STATUS] == 200", "[BODY] == pat(*ok*)"]);
    expect(conditionsToAssertions(monitor.conditions)).toEqual([is200, okBody]);
  });

  it("replaces the assertions on update, and [] clears them", async () => {
    const { ctx } = await workspaceWithClock(database.db);
    const monitor = await makeMonitor(ctx, target.url("/b"), { assertions: [is200] });
    const edited = await updateMonitor({
      ctx: withPolicy(ctx, guard),
      input: { monitorId: monitor.id, changes: { assertions: [okBody] } },
    });
    expect(conditionsToAssertions(edited.conditions)).toEqual([okBody]);
    const cleared = await updateMonitor({
      ctx: withPolicy(ctx, guard),
      input: { monitorId: monitor.id, changes: { assertions: [] } },
    });
    expect(cleared.conditions).toEqual([]);
  });

  it("refuses an assertion that compares a number with a word", () => {
    const parsed = updateMonitorInput.safeParse({
      assertions: [{ source: "status_code", comparison: "eq", target: "OK" }],
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({
      path: ["assertions", 0, "target"],
      message: "target must be a number to compare status_code with eq",
    });
  });

  it("fails a check on a failing assertion, naming it, and passes when it holds", async () => {
    const { ctx, advance } = await workspaceWithClock(database.db);
    const path = `/${randomUUID()}`;
    const monitor = await makeMonitor(ctx, target.url(path), {
      assertions: [{ source: "body", comparison: "eq", target: "healthy" }],
    });
    const outcome = await runCheck({ ctx, monitorId: monitor.id, options });
    expect(outcome).toMatchObject({ recorded: true, ok: false });
    const [failed] = await listChecks({ ctx, input: { monitorId: monitor.id, limit: 1 } });
    expect(failed).toMatchObject({
      status: "down",
      statusCode: 200,
      errorKind: "assertion",
      error: 'Assertion failed: body eq "healthy" (got "ok")',
    });
    await updateMonitor({
      ctx: withPolicy(ctx, guard),
      input: { monitorId: monitor.id, changes: { assertions: [okBody] } },
    });
    advance(20);
    expect(await runCheck({ ctx, monitorId: monitor.id, options })).toMatchObject({ ok: true });
  });

  it("pauses and resumes with status, like paused, and refuses the two contradicting", async () => {
    const { ctx } = await workspaceWithClock(database.db);
    const monitor = await makeMonitor(ctx, target.url("/c"));
    const paused = await updateMonitor({
      ctx: withPolicy(ctx, guard),
      input: { monitorId: monitor.id, changes: { status: "paused" } },
    });
    expect(paused.status).toBe("paused");
    const resumed = await updateMonitor({
      ctx: withPolicy(ctx, guard),
      input: { monitorId: monitor.id, changes: { status: "active" } },
    });
    expect(resumed.status).toBe("pending");
    const contradiction = updateMonitor({
      ctx: withPolicy(ctx, guard),
      input: { monitorId: monitor.id, changes: { status: "paused", paused: false } },
    });
    await expect(contradiction).rejects.toSatisfy(
      (e) => isServiceError(e) && e.code === "BAD_INPUT" && e.details.field === "status",
    );
    expect((await findMonitor(ctx.db, ctx.workspaceId, monitor.id)).status).toBe("pending");
  });

  it("pauses and resumes a heartbeat with status", async () => {
    const { ctx } = await workspaceWithClock(database.db);
    const hb = await createHeartbeat({
      ctx,
      input: {
        name: "job",
        intervalSecs: 3600,
        schedule: null,
        tz: "UTC",
        graceSecs: 60,
        maxRuntimeSecs: null,
        paused: false,
      },
    });
    const heartbeatId = hb.id;
    expect(
      (await updateHeartbeat({ ctx, input: { heartbeatId, changes: { status: "paused" } } }))
        .status,
    ).toBe("paused");
    expect(
      (await updateHeartbeat({ ctx, input: { heartbeatId, changes: { status: "active" } } }))
        .status,
    ).toBe("new");
    await expect(
      updateHeartbeat({ ctx, input: { heartbeatId, changes: { status: "active", paused: true } } }),
    ).rejects.toSatisfy((e) => isServiceError(e) && e.code === "BAD_INPUT");
  });

  it("pages through checks with offset and records each check's certificate expiry", async () => {
    const { ctx, advance, start } = await workspaceWithClock(database.db);
    const monitor = await makeMonitor(ctx, target.url("/d"));
    const expiry = new Date("2030-01-01T00:00:00Z");
    for (let i = 0; i < 3; i++) {
      const [leased] = await claimDueMonitors(ctx.db, ctx.now(), 1, monitor.id);
      if (!leased) throw new Error("the monitor was not due");
      await recordCheckResult({
        ctx,
        monitor: leased,
        leaseToken: leased.leaseToken,
        result: {
          status: "up",
          statusCode: 200,
          durationMs: 5,
          error: null,
          errorKind: null,
          tlsCertExpiresAt: i === 2 ? expiry : null,
          finalUrl: monitor.url,
          redirects: 0,
        },
      });
      advance(60);
    }
    const page = await listChecks({ ctx, input: { monitorId: monitor.id, limit: 2, offset: 1 } });
    expect(page.map((c) => c.checkedAt)).toEqual([
      new Date(start.getTime() + 60_000),
      new Date(start.getTime()),
    ]);
    const [newest] = await listChecks({ ctx, input: { monitorId: monitor.id, limit: 1 } });
    expect(newest?.tlsCertExpiresAt).toEqual(expiry);
    expect(page[0]?.tlsCertExpiresAt).toBeNull();
    const [row] = await ctx.db.select().from(monitors).where(eq(monitors.id, monitor.id));
    expect(row?.tlsCertExpiresAt).toEqual(expiry);
  });
});
