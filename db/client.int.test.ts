import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { createTestDatabase, testDbKind, type TestDatabase } from "@/db/testing/test-database";

describe(`migrations on ${testDbKind()}`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it("applies again without error and without re-running any migration", async () => {
    const count = async () => {
      const rows = await database.db.execute<{ n: number }>(
        sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
      );
      return Number(
        (rows as unknown as { rows?: { n: number }[] }).rows?.[0]?.n ??
          (rows as unknown as { n: number }[])[0]?.n,
      );
    };
    const before = await count();
    expect(before).toBeGreaterThan(0);
    await database.migrate();
    await database.migrate();
    expect(await count()).toBe(before);
  });

  // PostgreSQL only: PGlite is one process by construction.
  if (testDbKind() === "postgres")
    it("lets several nodes migrate one fresh database at the same time", async () => {
      const fresh = await createTestDatabase("postgres", { migrate: false });
      try {
        const nodes = await Promise.all(
          Array.from({ length: 3 }, () =>
            openDatabase({ kind: "postgres", url: fresh.url ?? "", max: 2 }),
          ),
        );
        await Promise.all(nodes.map((n) => n.migrate()));
        await Promise.all(nodes.map((n) => n.close()));
        await expect(fresh.db.execute(sql`select 1 from monitors limit 1`)).resolves.toBeDefined();
      } finally {
        await fresh.drop();
      }
    });

  it("creates every table the accounts layer needs", async () => {
    for (const table of [
      "users",
      "accounts",
      "workspaces",
      "memberships",
      "api_keys",
      "instance_settings",
    ]) {
      await expect(
        database.db.execute(sql.raw(`select 1 from ${table} limit 1`)),
      ).resolves.toBeDefined();
    }
  });
});
