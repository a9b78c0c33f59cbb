import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDbKind, type TestDatabase } from "@/db/testing/test-database";
import { workspaceWithClock } from "@/db/testing/factories";
import { makeMonitor } from "@/db/testing/make-monitor";
import { startTestTarget, type TestTarget } from "@/testing/checks/start-test-target";
import { runCheck } from "@/server/services/checks/run-due-checks";
import { listChecks } from "@/server/services/monitors/list-checks";

const options = { privateTargets: "all" } as const;

describe(`a status_code assertion instead of the accepted codes on ${testDbKind()}`, () => {
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

  async function checkOnce(status: number, assertions: Parameters<typeof makeMonitor>[2]) {
    const { ctx } = await workspaceWithClock(database.db);
    const path = `/${randomUUID()}`;
    target.set(path, { status });
    const monitor = await makeMonitor(ctx, target.url(path), assertions);
    await runCheck({ ctx, monitorId: monitor.id, options });
    const [check] = await listChecks({ ctx, input: { monitorId: monitor.id, limit: 1 } });
    return check;
  }

  it("is up on a 404 it asserts, with the default accepted codes", async () => {
    const check = await checkOnce(404, {
      assertions: [{ source: "status_code", comparison: "eq", target: "404" }],
    });
    expect(check).toMatchObject({ status: "up", statusCode: 404, error: null });
  });

  it("is down on a 200 when it asserts a 404, naming the assertion", async () => {
    const check = await checkOnce(200, {
      assertions: [{ source: "status_code", comparison: "eq", target: "404" }],
    });
    expect(check).toMatchObject({
      status: "down",
      errorKind: "assertion",
      error: 'Assertion failed: status code eq "404" (got 200)',
    });
  });

  it("keeps the accepted codes when only the body is asserted", async () => {
    const check = await checkOnce(404, {
      assertions: [{ source: "body", comparison: "contains", target: "failing" }],
    });
    expect(check).toMatchObject({
      status: "down",
      errorKind: "status",
      error: "Unexpected status 404 (expected 200-399)",
    });
  });
});
