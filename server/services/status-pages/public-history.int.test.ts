import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDbKind, type TestDatabase } from "@/db/testing/test-database";
import { makeUser } from "@/db/testing/factories";
import { makeHeartbeat, pingAt } from "@/db/testing/make-heartbeat";
import type { WorkspaceCtx } from "@/server/services/context";
import { createStatusPage } from "@/server/services/status-pages/create-status-page";
import { updateStatusPage } from "@/server/services/status-pages/update-status-page";
import { getStatusPageView } from "@/server/services/status-pages/get-status-page-view";
import { renderJson } from "@/server/http/status-pages/statuspage-json";
import { historyDays } from "@/server/domain/status-pages/history-days";
import { createStatusPageInput } from "@/server/services/status-pages/status-page-settings";

const T = new Date("2030-01-07T20:20:00.000Z");
const plus = (secs: number) => new Date(T.getTime() + secs * 1000);

describe(`the public history of a page on ${testDbKind()}`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  async function workspace(): Promise<WorkspaceCtx> {
    const { user, workspace } = await makeUser(database.db);
    return { db: database.db, now: () => T, actor: { userId: user.id }, workspaceId: workspace.id };
  }

  /** A job that ran fine, then failed `times` runs in a row, each recovered by the next run. */
  async function noisyJob(ctx: WorkspaceCtx, name: string, firstFailAt: number, times: number) {
    const hb = await makeHeartbeat(ctx, { name });
    await pingAt(database.db, hb.token, plus(firstFailAt - 30));
    for (let i = 0; i < times; i++) {
      const at = firstFailAt + i * 20;
      await pingAt(database.db, hb.token, plus(at), { kind: "fail", exitStatus: 3 });
      await pingAt(database.db, hb.token, plus(at + 10));
    }
    return hb;
  }

  const page = async (ctx: WorkspaceCtx) =>
    createStatusPage({
      ctx,
      input: createStatusPageInput.parse({
        slug: `calm-${Math.random().toString(36).slice(2, 10)}`,
        title: "Acme",
      }),
    });

  it("folds a job's failed runs of a day into one entry, in a visitor's words, in every document", async () => {
    const ctx = await workspace();
    await noisyJob(ctx, "backup-3am", 60, 3);
    const view = await getStatusPageView(database.db, await page(ctx), {
      now: plus(3600),
      baseUrl: "http://x",
    });
    expect(view.incidents).toHaveLength(1);
    expect(view.incidents[0]).toMatchObject({
      title: "backup-3am failed 3 times",
      cause: "The run failed (exit status 3)",
      startedAt: plus(60).toISOString(),
      resolvedAt: plus(110).toISOString(),
      runs: { count: 3, firstAt: plus(60).toISOString(), lastAt: plus(100).toISOString() },
    });
    const json = renderJson("incidents", view) as { incidents: { name: string }[] };
    expect(json.incidents.map((i) => i.name)).toEqual(["backup-3am failed 3 times"]);
    expect(JSON.stringify(json)).not.toContain("the job exited");
  });

  it("keeps a day apart from the next (UTC days) and groups the entries by day", async () => {
    const ctx = await workspace();
    // 20:20 + 13,160 s is 23:59:20 UTC: two runs fail before midnight, two after it.
    await noisyJob(ctx, "sync", 13_160, 4);
    const view = await getStatusPageView(database.db, await page(ctx), {
      now: plus(20_000),
      baseUrl: "http://x",
    });
    expect(view.incidents.map((i) => i.title)).toEqual([
      "sync failed 2 times",
      "sync failed 2 times",
    ]);
    expect(
      historyDays(view.incidents, "UTC").map((d) => [d.day, d.incidents.map((i) => i.runs?.count)]),
    ).toEqual([
      ["2030-01-08", [2]],
      ["2030-01-07", [2]],
    ]);
  });

  it("leaves job failures off the history of a page that says so; the job's state still shows", async () => {
    const ctx = await workspace();
    const hb = await noisyJob(ctx, "backup-3am", 60, 2);
    await pingAt(database.db, hb.token, plus(200), { kind: "fail", exitStatus: 1 });
    const calm = await updateStatusPage({
      ctx,
      input: { statusPageId: (await page(ctx)).id, changes: { showJobFailures: false } },
    });
    expect(calm.showJobFailures).toBe(false);
    const view = await getStatusPageView(database.db, calm, {
      now: plus(300),
      baseUrl: "http://x",
    });
    expect(view.incidents).toEqual([]);
    expect(view.jobs).toMatchObject([
      { name: "backup-3am", state: "failed", status: "major_outage" },
    ]);
    expect(view.overall.indicator).toBe("critical");

    const shown = await updateStatusPage({
      ctx,
      input: { statusPageId: calm.id, changes: { showJobFailures: true } },
    });
    const again = await getStatusPageView(database.db, shown, {
      now: plus(300),
      baseUrl: "http://x",
    });
    expect(again.incidents.map((i) => [i.title, i.resolvedAt === null])).toEqual([
      ["backup-3am is failing", true],
      ["backup-3am failed 2 times", false],
    ]);
  });
});
