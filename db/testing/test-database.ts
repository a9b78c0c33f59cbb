import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { openDatabase, type DatabaseHandle } from "@/db/client";

const DEFAULT_TEST_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/test";
export type TestDbKind = "pglite" | "postgres";

export function testDbKind(): TestDbKind {
  return process.env.VIGIL_TEST_DB === "postgres" ? "postgres" : "pglite";
}

export type TestDatabase = DatabaseHandle & {
  /** postgres:// URL of this test's own database (PostgreSQL only), for child processes. */
  url?: string;
  drop: () => Promise<void>;
};

/**
 * A migrated database of its own for one test file: in-memory PGlite, or a fresh database on the
 * PostgreSQL server at TEST_DATABASE_URL (dropped afterwards), so files run in parallel.
 */
export async function createTestDatabase(
  kind: TestDbKind = testDbKind(),
  options: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  const migrate = options.migrate ?? true;
  if (kind === "pglite") {
    const handle = await openDatabase({ kind: "pglite" });
    if (migrate) await handle.migrate();
    return { ...handle, drop: handle.close };
  }
  const adminUrl = process.env.TEST_DATABASE_URL ?? DEFAULT_TEST_DATABASE_URL;
  const name = `vigil_t_${randomBytes(6).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ kind: "postgres", url: url.toString(), max: 5 });
  if (migrate) await handle.migrate();
  return {
    ...handle,
    url: url.toString(),
    drop: async () => {
      await handle.close();
      const cleanup = postgres(adminUrl, { max: 1, onnotice: () => {} });
      try {
        await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      } finally {
        await cleanup.end();
      }
    },
  };
}
