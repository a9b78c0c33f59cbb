import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDbKind, type TestDatabase } from "@/db/testing/test-database";
import { systemClock } from "@/server/services/context";
import { resolveAuthSecret } from "@/server/services/instance/resolve-auth-secret";

describe(`auth secret on ${testDbKind()}`, () => {
  let database: TestDatabase;
  let dataDir: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-secret-"));
  });
  afterAll(async () => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    await database.drop();
  });

  it("uses the configured secret when there is one", async () => {
    const configured = "c".repeat(40);
    await expect(
      resolveAuthSecret({
        ctx: { db: database.db, now: systemClock },
        input: { configured, kind: database.kind, dataDir },
      }),
    ).resolves.toBe(configured);
  });

  it("generates one secret once and returns it on every later start", async () => {
    const first = await resolveAuthSecret({
      ctx: { db: database.db, now: systemClock },
      input: { configured: undefined, kind: database.kind, dataDir },
    });
    const second = await resolveAuthSecret({
      ctx: { db: database.db, now: systemClock },
      input: { configured: undefined, kind: database.kind, dataDir },
    });
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(second).toBe(first);
    if (database.kind === "pglite") {
      expect(fs.statSync(path.join(dataDir, "auth-secret")).mode & 0o777).toBe(0o600);
    }
  });
});
