import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkResults, checkRollups } from "@/db/schema";
import { createTestDatabase, testDbKind, type TestDatabase } from "@/db/testing/test-database";
import { makeUser } from "@/db/testing/factories";
import { createMonitor } from "@/server/services/monitors/create-monitor";
import { anyTarget, withPolicy } from "@/db/testing/make-monitor";
import { rollUpCheckResults } from "@/server/services/checks/roll-up-check-results";

describe(`check result roll-ups on ${testDbKind()}`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it("rolls results up per hour and day with p50/p95, and prunes past the retention window", async () => {
    const now = new Date("2026-11-25T10:20:00.000Z");
    const { user, workspace } = await makeUser(database.db);
    const ctx = {
      db: database.db,
      now: () => now,
      actor: { userId: user.id },
      workspaceId: workspace.id,
    };
    const monitor = await createMonitor({
      ctx: withPolicy(ctx, anyTarget),
      input: {
        name: "rolled",
        url: "http://127.0.0.1:9/",
        method: "GET",
        headers: {},
        body: null,
        acceptedStatusCodes: ["200-399"],
        maxRedirects: 0,
        keyword: null,
        keywordMustBeAbsent: false,
        degradedAfterMs: null,
        intervalSecs: 60,
        confirmations: 2,
        paused: true,
      },
    });
    const row = (at: string, durationMs: number, status: "up" | "down" = "up") => ({
      monitorId: monitor.id,
      workspaceId: workspace.id,
      status,
      durationMs,
      checkedAt: new Date(at),
    });
    await database.db
      .insert(checkResults)
      .values([
        ...Array.from({ length: 20 }, (_, i) =>
          row(
            `2026-11-25T09:${String(i * 2).padStart(2, "0")}:00Z`,
            (i + 1) * 10,
            i < 2 ? "down" : "up",
          ),
        ),
        row("2026-11-24T12:00:00Z", 100),
        row("2026-11-24T13:00:00Z", 300),
        row("2026-10-20T00:00:00Z", 7),
      ]);

    await rollUpCheckResults({ ctx, retentionDays: 30 });
    await rollUpCheckResults({ ctx, retentionDays: 30 });

    const rollups = await database.db
      .select()
      .from(checkRollups)
      .where(eq(checkRollups.monitorId, monitor.id));
    const hour = rollups.find(
      (r) => r.bucket === "hour" && r.bucketStart.toISOString() === "2026-11-25T09:00:00.000Z",
    );
    expect(hour).toMatchObject({ checks: 20, failures: 2, p50Ms: 105, p95Ms: 190 });
    const day = rollups.find(
      (r) => r.bucket === "day" && r.bucketStart.toISOString() === "2026-11-24T00:00:00.000Z",
    );
    expect(day).toMatchObject({ checks: 2, failures: 0, p50Ms: 200 });
    expect(rollups.filter((r) => r.bucket === "hour")).toHaveLength(1);

    const old = await database.db
      .select()
      .from(checkResults)
      .where(and(eq(checkResults.monitorId, monitor.id), eq(checkResults.durationMs, 7)));
    expect(old).toHaveLength(0);
    expect(await database.db.$count(checkResults, eq(checkResults.monitorId, monitor.id))).toBe(22);
  });
});
