import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { eq } from "drizzle-orm";
import pino from "pino";
import { afterAll, describe, expect, it, vi } from "vitest";
import { openDatabase, type Db } from "@/db/client";
import { workspaces } from "@/db/schema";
import { acquireDataDirLock } from "@/db/data-dir-lock";
import { createTestDatabase, testDbKind } from "@/db/testing/test-database";
import { makeUser } from "@/db/testing/factories";
import { systemClock } from "@/server/services/context";
import { startControlServer } from "@/server/control/control-server";

// Each CLI run compiles the CLI with tsx: seconds on a quiet machine, far more on a loaded CI run.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 180_000 });

const run = promisify(execFile);
const bin = path.resolve("bin/vigil.mjs");

async function vigil(env: Record<string, string>, ...args: string[]) {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) => !/^(DATABASE_URL|VIGIL_|NEXTAUTH_|AUTH_|INNGEST_|PORT$|HOST$)/.test(k),
    ),
  );
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
      env: { ...clean, ...env } as NodeJS.ProcessEnv,
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

const lastLine = (text: string) => text.trim().split("\n").at(-1);
const quotasOf = async (db: Db, id: string) =>
  (await db.select().from(workspaces).where(eq(workspaces.id, id)))[0]?.quotas;

// Each project runs the half for its own database.
if (testDbKind() === "postgres")
  describe("npx vigil workspace:quota on PostgreSQL", () => {
    it("raises, resets and prints one workspace's limits, and refuses a bad number", async () => {
      const database = await createTestDatabase("postgres");
      try {
        const env = { DATABASE_URL: database.url ?? "" };
        const { email, workspace } = await makeUser(database.db);

        const raised = await vigil(
          env,
          "workspace:quota",
          "--email",
          email,
          "--monitors",
          "2000",
          "--status-pages",
          "40",
        );

        expect(raised.code).toBe(0);
        expect(lastLine(raised.stderr)).toBe(
          `Workspace "${workspace.name}" (${workspace.id}) limits: monitors 2000, heartbeats default, status pages 40, alert channels default (default: the VIGIL_QUOTA_* settings).`,
        );
        expect(await quotasOf(database.db, workspace.id)).toEqual({
          monitors: 2000,
          statusPages: 40,
        });
        await vigil(env, "workspace:quota", "--email", email, "--monitors", "default");
        expect(await quotasOf(database.db, workspace.id)).toEqual({ statusPages: 40 });

        const bad = await vigil(env, "workspace:quota", "--email", email, "--channels", "lots");
        expect(bad.code).not.toBe(0);
        expect(lastLine(bad.stderr)).toBe(
          "vigil: --channels: Channels must be a whole number (up to 1000000) or default.",
        );
      } finally {
        await database.drop();
      }
    });
  });

if (testDbKind() === "pglite")
  describe("npx vigil workspace:quota on the embedded database", () => {
    const dirs: string[] = [];
    afterAll(() => {
      for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
    });

    it("goes through the running server while it holds the data dir", async () => {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-quota-"));
      dirs.push(dataDir);
      const lock = await acquireDataDirLock(dataDir);
      const handle = await openDatabase({ kind: "pglite", dataDir: path.join(dataDir, "pgdata") });
      await handle.migrate();
      const control = await startControlServer({
        dataDir,
        ctx: () => ({ db: handle.db, now: systemClock }),
        logger: pino({ level: "silent" }),
      });
      try {
        const { email, workspace } = await makeUser(handle.db);
        const set = await vigil(
          { VIGIL_DATA_DIR: dataDir },
          "workspace:quota",
          "--email",
          email,
          "--heartbeats",
          "5000",
        );
        expect(set.code).toBe(0);
        expect(await quotasOf(handle.db, workspace.id)).toEqual({ heartbeats: 5000 });
      } finally {
        await control.close();
        await handle.close();
        await lock.release();
      }
    });
  });
