import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDbKind, type TestDatabase } from "@/db/testing/test-database";
import { makeUser } from "@/db/testing/factories";
import { setRuntime } from "@/server/runtime";
import type { WorkspaceCtx } from "@/server/services/context";
import { createStatusPage } from "@/server/services/status-pages/create-status-page";
import { createStatusPageInput } from "@/server/services/status-pages/status-page-settings";
import {
  createAnnouncement,
  listAnnouncements,
} from "@/server/services/announcements/announcements";
import { installTestRuntime } from "@/testing/runtime/test-runtime";

const T0 = new Date("2026-12-07T10:00:00Z");
const HOUR = 3_600_000;

describe(`announcements a page lists, on ${testDbKind()}`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    installTestRuntime(database, { VIGIL_BASE_URL: "https://vigil.example.com" });
  });
  afterAll(async () => {
    setRuntime(undefined);
    await database.drop();
  });

  it("leaves an expired notice out of the page's list but keeps it in the dashboard's", async () => {
    const member = await makeUser(database.db);
    let now = T0;
    const ctx: WorkspaceCtx = {
      db: database.db,
      now: () => now,
      actor: { userId: member.user.id },
      workspaceId: member.workspace.id,
    };
    const page = await createStatusPage({
      ctx,
      input: createStatusPageInput.parse({
        slug: `notices-${Date.now().toString(36)}`,
        title: "Acme",
        visibility: "public",
      }),
    });
    const input = { statusPageId: page.id };
    await createAnnouncement({
      ctx,
      input: { ...input, body: "Short-lived", expiresAt: new Date(T0.getTime() + HOUR) },
    });
    await createAnnouncement({ ctx, input: { ...input, body: "Until deleted" } });

    now = new Date(T0.getTime() + 2 * HOUR);
    const bodies = async (includeExpired?: boolean) =>
      (await listAnnouncements({ ctx, input: { ...input, includeExpired } })).map((a) => a.body);
    expect(await bodies()).toEqual(["Until deleted"]);
    expect((await bodies(true)).sort()).toEqual(["Short-lived", "Until deleted"]);
  });
});
