import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDbKind, type TestDatabase } from "@/db/testing/test-database";
import { workspaceWithClock } from "@/db/testing/factories";
import { makeMonitor } from "@/db/testing/make-monitor";
import { runCheck } from "@/server/services/checks/run-due-checks";
import { createStatusPage } from "@/server/services/status-pages/create-status-page";
import { setPageSubjects } from "@/server/services/status-pages/set-page-subjects";
import { getStatusPageView } from "@/server/services/status-pages/get-status-page-view";
import { renderJson } from "@/server/http/status-pages/statuspage-json";
import { eq } from "drizzle-orm";
import { flips } from "@/db/schema";
import { createStatusPageInput } from "@/server/services/status-pages/status-page-settings";

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe(`what a public status page says about a failure on ${testDbKind()}`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it("names the kind of failure, never the address, port or detail the check saw", async () => {
    const { ctx } = await workspaceWithClock(database.db);
    const port = await closedPort();
    const monitor = await makeMonitor(ctx, `http://127.0.0.1:${port}/health`, {
      name: "Checkout API",
      confirmations: 1,
    });
    const outcome = await runCheck({
      ctx,
      monitorId: monitor.id,
      options: { privateTargets: "all" },
    });
    expect(outcome?.flip?.to).toBe("down");
    const page = await createStatusPage({
      ctx,
      input: createStatusPageInput.parse({
        slug: `refused-${process.pid}`,
        title: "Acme Status",
        visibility: "public",
      }),
    });
    await setPageSubjects({
      ctx,
      input: {
        statusPageId: page.id,
        items: [{ subjectKind: "monitor", subjectId: monitor.id, hidden: false, position: 0 }],
      },
    });

    const view = await getStatusPageView(database.db, page, {
      now: ctx.now(),
      baseUrl: "https://status.example.org",
    });
    for (const kind of ["view", "summary", "incidents", "unresolved"] as const) {
      const json = JSON.stringify(renderJson(kind, view));
      expect(json, kind).toContain("Not reachable");
      expect(json, kind).not.toContain("127.0.0.1");
      expect(json, kind).not.toMatch(new RegExp(`\\b${port}\\b`));
    }
    expect(view.incidents[0]?.cause).toBe("Not reachable");
    // The dashboard's record keeps the whole story.
    const [flip] = await database.db.select().from(flips).where(eq(flips.monitorId, monitor.id));
    expect(flip?.reason).toContain(`127.0.0.1:${port}`);
  });
});
