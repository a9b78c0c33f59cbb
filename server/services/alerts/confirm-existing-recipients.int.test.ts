import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "@/db/rows-of";
import { createTestDatabase, testDbKind, type TestDatabase } from "@/db/testing/test-database";

const dir = path.resolve("db/migrations");
const statementsOf = (file: string) =>
  fs
    .readFileSync(path.join(dir, file), "utf8")
    .split("--> statement-breakpoint")
    .map((s) => s.trim())
    .filter(Boolean);

describe(`upgrading to migration 0006 on ${testDbKind()}`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(testDbKind(), { migrate: false });
  });
  afterAll(() => database.drop());

  it("marks the addresses of existing email channels confirmed, split as the channel splits them", async () => {
    const files = fs
      .readdirSync(dir)
      .filter((f) => /^\d{4}_.*\.sql$/.test(f))
      .sort();
    const before = files.filter((f) => f < "0006");
    for (const file of before)
      for (const statement of statementsOf(file)) await database.db.execute(sql.raw(statement));
    const [ws] = rowsOf<{ id: string }>(
      await database.db.execute(sql`insert into workspaces (name) values ('Acme') returning id`),
    );
    const channel = async (kind: string, settings: object) =>
      rowsOf<{ id: string }>(
        await database.db.execute(sql`insert into channels (workspace_id, name, kind, settings)
          values (${ws?.id}::uuid, 'c', ${kind}, ${JSON.stringify(settings)}::jsonb) returning id`),
      )[0]?.id;
    const mail = await channel("email", {
      to: " Ops@Example.com,\tdev@example.com,, ops@example.com ",
    });
    await channel("webhook", { url: "https://example.com/hook" });
    for (const statement of statementsOf("0006_add_keys_sessions_owner_quotas.sql"))
      await database.db.execute(sql.raw(statement));
    const rows = rowsOf<{ channel_id: string; email: string; confirmed: boolean; sent: boolean }>(
      await database.db.execute(sql`select channel_id, email, confirmed_at is not null as confirmed,
        sent_at is not null as sent from email_confirmations order by lower(email)`),
    );
    expect(rows).toEqual([
      { channel_id: mail, email: "dev@example.com", confirmed: true, sent: false },
      { channel_id: mail, email: "Ops@Example.com", confirmed: true, sent: false },
    ]);
  });
});
