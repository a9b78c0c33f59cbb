import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDbKind, type TestDatabase } from "@/db/testing/test-database";
import { makeUser } from "@/db/testing/factories";
import { systemClock, type WorkspaceCtx } from "@/server/services/context";
import { createStatusPage } from "@/server/services/status-pages/create-status-page";
import { updateStatusPage } from "@/server/services/status-pages/update-status-page";
import { PageDirectory } from "@/server/http/status-pages/page-directory";
import { createStatusPageInput } from "@/server/services/status-pages/status-page-settings";

describe(`page directory on ${testDbKind()}`, () => {
  let database: TestDatabase;
  let ctx: WorkspaceCtx;
  beforeAll(async () => {
    database = await createTestDatabase();
    const { user, workspace } = await makeUser(database.db);
    ctx = {
      db: database.db,
      now: systemClock,
      actor: { userId: user.id },
      workspaceId: workspace.id,
    };
  });
  afterAll(() => database.drop());

  let n = 0;
  const newPage = () =>
    createStatusPage({
      ctx,
      input: createStatusPageInput.parse({
        slug: `dir-${process.pid}-${++n}`,
        title: "Acme",
        visibility: "public",
      }),
    });

  it("re-checks an entry older than its max age, so a change this node never heard of still lands", async () => {
    let now = 1_000_000;
    const changed: string[] = [];
    // Not subscribed to any event: it stands for a node that missed the change.
    const directory = new PageDirectory(database.db, {
      maxAgeMs: 5_000,
      now: () => now,
      onChanged: (slug) => changed.push(slug),
    });
    const page = await newPage();
    expect(await directory.lookup(page.slug)).toMatchObject({ visibility: "public" });
    await updateStatusPage({
      ctx,
      input: { statusPageId: page.id, changes: { visibility: "private" } },
    });

    now += 4_999;
    expect(await directory.lookup(page.slug)).toMatchObject({ visibility: "public" });
    expect(changed).toEqual([]);
    now += 1;
    expect(await directory.lookup(page.slug)).toMatchObject({ visibility: "private" });
    expect(changed).toEqual([page.slug]);

    now += 5_000;
    expect(await directory.lookup(page.slug)).toMatchObject({ visibility: "private" });
    expect(changed).toEqual([page.slug]);
  });

  it("answers concurrent lookups of one slug with one query and forgets one slug or all on request", async () => {
    const directory = new PageDirectory(database.db);
    const page = await newPage();
    const [a, b] = [directory.lookup(page.slug), directory.lookup(page.slug)];
    expect(a).toBe(b);
    expect(await a).toMatchObject({ id: page.id });
    await updateStatusPage({
      ctx,
      input: { statusPageId: page.id, changes: { visibility: "private" } },
    });
    expect(await directory.lookup(page.slug)).toMatchObject({ visibility: "public" });
    directory.forget(page.slug);
    expect(await directory.lookup(page.slug)).toMatchObject({ visibility: "private" });
    await updateStatusPage({
      ctx,
      input: { statusPageId: page.id, changes: { visibility: "public" } },
    });
    directory.clear();
    expect(await directory.lookup(page.slug)).toMatchObject({ visibility: "public" });
  });
});
