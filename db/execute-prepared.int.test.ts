import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { executePrepared } from "@/db/execute-prepared";
import { rowsOf } from "@/db/rows-of";
import { users } from "@/db/schema";
import { createTestDatabase, testDbKind, type TestDatabase } from "@/db/testing/test-database";

describe(`prepared statements on ${testDbKind()}`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  // executePrepared calls Drizzle's private session.prepareQuery: an upgrade that renames or
  // reshapes it must fail here, by name.
  it("finds Drizzle's private prepareQuery, and a prepared query it can execute", async () => {
    const session = database.db._.session;
    expect(typeof session.prepareQuery, "drizzle-orm session.prepareQuery").toBe("function");
    const built = database.db.execute(sql`select 41 + 1 as answer`).getQuery();
    expect(built).toMatchObject({ sql: expect.any(String), params: [] });
    const prepared = session.prepareQuery(built, undefined, "test_private_api", false);
    expect(typeof prepared.execute, "drizzle-orm PreparedQuery.execute").toBe("function");
    expect(rowsOf(await prepared.execute())).toEqual([{ answer: 42 }]);
  });

  it("returns each call's rows for its own parameters, in and out of a transaction", async () => {
    const query = (n: number) =>
      sql`select g::int as n, ${`row ${n}`}::text as label from generate_series(1, ${n}::int) g`;
    const expected = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ n: i + 1, label: `row ${n}` }));
    for (const n of [3, 1, 3]) {
      const rows = await executePrepared(database.db, "test_series", query(n));
      expect(rows).toEqual(expected(n));
      expect(rows).toEqual(rowsOf(await database.db.execute(query(n))));
    }
    const inTx = await database.db.transaction(async (tx) => [
      await executePrepared(tx, "test_series", query(2)),
      await executePrepared(tx, "test_series", query(4)),
    ]);
    expect(inTx).toEqual([expected(2), expected(4)]);
  });

  // PostgreSQL only: PGlite has no connections to keep statements on.
  if (testDbKind() === "postgres")
    it("prepares each statement once per connection, for a raw statement and a builder's", async () => {
      const one: DatabaseHandle = await openDatabase({
        kind: "postgres",
        url: database.url ?? "",
        max: 1,
      });
      try {
        for (let i = 0; i < 3; i++) {
          await executePrepared(one.db, "test_one", sql`select ${i}::int + 1 as x`);
          await one.db
            .select({ id: users.id })
            .from(users)
            .where(eq(users.email, `nobody-${i}@example.com`))
            .prepare("test_user_by_email")
            .execute();
        }
        const held = await one.db.execute(
          sql`select statement from pg_prepared_statements order by statement`,
        );
        const statements = (held as unknown as { statement: string }[])
          .map((r) => r.statement)
          .filter((s) => s.includes("::int + 1") || s.includes('"users"."email"'));
        expect(statements).toEqual([
          'select "id" from "users" where "users"."email" = $1',
          "select $1::int + 1 as x",
        ]);
      } finally {
        await one.close();
      }
    });
});
