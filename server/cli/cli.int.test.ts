import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { openDatabase, type Db } from "@/db/client";
import { memberships, users, workspaces } from "@/db/schema";
import { acquireDataDirLock } from "@/db/data-dir-lock";
import { createTestDatabase, testDbKind, type TestDatabase } from "@/db/testing/test-database";
import { TEST_PASSWORD, uniqueEmail } from "@/db/testing/factories";
import { systemClock } from "@/server/services/context";
import { verifyCredentials } from "@/server/services/users/verify-credentials";
import { authenticateApiKey } from "@/server/services/api-keys/authenticate-api-key";
import { startControlServer } from "@/server/control/control-server";

// Each CLI run compiles the CLI with tsx: seconds on a quiet machine, far more on a loaded CI run.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 180_000 });

const run = promisify(execFile);
const bin = path.resolve("bin/vigil.mjs");
/** The caller's environment without any Vigil, database or auth settings, plus `extra`. */
const cleanEnv = (extra: Record<string, string> = {}) =>
  ({
    ...Object.fromEntries(
      Object.entries(process.env).filter(
        ([k]) => !/^(DATABASE_URL|VIGIL_|NEXTAUTH_|AUTH_|INNGEST_|PORT$|HOST$)/.test(k),
      ),
    ),
    ...extra,
  }) as NodeJS.ProcessEnv;

const lastLine = (text: string) => text.trim().split("\n").at(-1);

async function isGranted(db: Db, email: string): Promise<boolean | undefined> {
  const [row] = await db
    .select({ granted: workspaces.allowPrivateTargets })
    .from(workspaces)
    .innerJoin(memberships, eq(memberships.workspaceId, workspaces.id))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(users.email, email));
  return row?.granted;
}

async function vigil(env: Record<string, string>, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
      env: cleanEnv(env),
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

// Each project runs the half for its own database (registering, not skipping, the other half).
if (testDbKind() === "postgres")
  describe("operator CLI on PostgreSQL", () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await createTestDatabase("postgres");
    });
    afterAll(() => database.drop());
    const env = () => ({ DATABASE_URL: database.url ?? "" });

    it("creates a user who can then sign in, and an API key printed alone on the last line", async () => {
      const email = uniqueEmail("cli");
      const created = await vigil(
        env(),
        "user:create",
        "--email",
        email,
        "--password",
        TEST_PASSWORD,
      );
      expect(created).toMatchObject({ code: 0 });
      expect(created.stderr).toContain(`Created user ${email}`);
      await expect(
        verifyCredentials({
          ctx: { db: database.db, now: systemClock },
          input: { email, password: TEST_PASSWORD },
        }),
      ).resolves.not.toBeNull();

      const key = await vigil(env(), "apikey:create", "--email", email);
      expect(key.code).toBe(0);
      const last = key.stdout.trim().split("\n").at(-1) ?? "";
      expect(last).toMatch(/^vgl_[A-Za-z0-9_-]{32,}$/);
      expect(key.stdout.trim()).toBe(last);
      await expect(
        authenticateApiKey({ ctx: { db: database.db, now: systemClock }, input: { key: last } }),
      ).resolves.toMatchObject({ workspaceId: expect.any(String) });
    });

    it("fails with one clear line for an existing email, a weak password or an unknown owner", async () => {
      const email = uniqueEmail("cli");
      await vigil(env(), "user:create", "--email", email, "--password", TEST_PASSWORD);
      const dup = await vigil(env(), "user:create", "--email", email, "--password", TEST_PASSWORD);
      expect(dup.code).not.toBe(0);
      expect(lastLine(dup.stderr)).toBe("vigil: An account with this email already exists.");
      const weak = await vigil(env(), "user:create", "--email", uniqueEmail(), "--password", "abc");
      expect(lastLine(weak.stderr)).toBe("vigil: Password must be at least 8 characters.");
      const ghost = await vigil(env(), "apikey:create", "--email", "ghost@example.com");
      expect(ghost.code).not.toBe(0);
      expect(ghost.stdout).toBe("");
      expect(lastLine(ghost.stderr)).toBe(
        "vigil: There is no user with the email ghost@example.com.",
      );
      const nothing = await vigil(env());
      expect(nothing.code).toBe(2);
      expect(nothing.stderr).toContain("vigil: Give a command; the commands are listed below.");
      const typo = await vigil(env(), "user:craete", "--email", email);
      expect(typo.stderr).toContain(
        'vigil: There is no command "user:craete"; the commands are listed below.',
      );
      const flag = await vigil(env(), "apikey:list", "--emial", email);
      expect(flag.code).toBe(2);
      expect(flag.stderr).toContain(
        "vigil: There is no option --emial; the options are listed below.",
      );
      const bare = await vigil(env(), "apikey:list");
      expect(bare.stderr).toContain("vigil: The apikey:list command needs --email.");
      expect(bare.stderr).toContain("Usage: npx vigil");
    });

    it("grants a workspace private targets with workspace:allow-private", async () => {
      const email = uniqueEmail("cli");
      await vigil(env(), "user:create", "--email", email, "--password", TEST_PASSWORD);
      const granted = await vigil(env(), "workspace:allow-private", "--email", email);
      expect(granted).toMatchObject({ code: 0 });
      expect(lastLine(granted.stderr)).toMatch(/may now check private addresses\.$/);
      expect(await isGranted(database.db, email)).toBe(true);
      const ghost = await vigil(env(), "workspace:allow-private", "--email", "ghost@example.com");
      expect(ghost.code).not.toBe(0);
    });

    it("resets a password", async () => {
      const email = uniqueEmail("cli");
      await vigil(env(), "user:create", "--email", email, "--password", TEST_PASSWORD);
      expect(
        (
          await vigil(
            env(),
            "user:reset-password",
            "--email",
            email,
            "--password",
            "Fresh-Staple-42",
          )
        ).code,
      ).toBe(0);
      await expect(
        verifyCredentials({
          ctx: { db: database.db, now: systemClock },
          input: { email, password: "Fresh-Staple-42" },
        }),
      ).resolves.not.toBeNull();
    });
  });

if (testDbKind() === "pglite")
  describe("operator CLI on the embedded database", () => {
    const dirs: string[] = [];
    const tempDir = (name = "vigil-cli-") => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), name));
      dirs.push(dir);
      return dir;
    };
    afterAll(() => {
      for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
    });

    it("opens the data dir itself when no server holds it", async () => {
      const dataDir = tempDir();
      const email = uniqueEmail("cli");
      expect(
        (
          await vigil(
            { VIGIL_DATA_DIR: dataDir },
            "user:create",
            "--email",
            email,
            "--password",
            TEST_PASSWORD,
          )
        ).code,
      ).toBe(0);
      expect(fs.existsSync(path.join(dataDir, "vigil.lock"))).toBe(false);
      const handle = await openDatabase({ kind: "pglite", dataDir: path.join(dataDir, "pgdata") });
      try {
        await expect(
          verifyCredentials({
            ctx: { db: handle.db, now: systemClock },
            input: { email, password: TEST_PASSWORD },
          }),
        ).resolves.not.toBeNull();
      } finally {
        await handle.close();
      }
    });

    // A deep data dir exceeds the Unix socket path limit: the channel falls back to loopback TCP.
    it.each([
      ["a Unix socket", () => tempDir()],
      [
        "loopback TCP (deep data dir)",
        () => {
          const deep = path.join(tempDir(), "a".repeat(60), "b".repeat(60));
          fs.mkdirSync(deep, { recursive: true });
          return deep;
        },
      ],
    ])(
      "goes through the running server over %s while it holds the data dir",
      async (_how, makeDir) => {
        const dataDir = makeDir();
        const lock = await acquireDataDirLock(dataDir);
        const handle = await openDatabase({
          kind: "pglite",
          dataDir: path.join(dataDir, "pgdata"),
        });
        await handle.migrate();
        const control = await startControlServer({
          dataDir,
          ctx: () => ({ db: handle.db, now: systemClock }),
          logger: pino({ level: "silent" }),
        });
        try {
          const email = uniqueEmail("live");
          const created = await vigil(
            { VIGIL_DATA_DIR: dataDir },
            "user:create",
            "--email",
            email,
            "--password",
            TEST_PASSWORD,
          );
          expect(created).toMatchObject({ code: 0 });
          await expect(
            verifyCredentials({
              ctx: { db: handle.db, now: systemClock },
              input: { email, password: TEST_PASSWORD },
            }),
          ).resolves.not.toBeNull();
          const key = await vigil({ VIGIL_DATA_DIR: dataDir }, "apikey:create", "--email", email);
          expect(key.stdout.trim()).toMatch(/^vgl_[A-Za-z0-9_-]{32,}$/);
          // The instance's first account owns private targets; the operator takes them back.
          expect(await isGranted(handle.db, email)).toBe(true);
          const revoked = await vigil(
            { VIGIL_DATA_DIR: dataDir },
            "workspace:allow-private",
            "--email",
            email,
            "--revoke",
          );
          expect(revoked).toMatchObject({ code: 0 });
          expect(lastLine(revoked.stderr)).toMatch(/may no longer check private addresses\.$/);
          expect(await isGranted(handle.db, email)).toBe(false);
          const dup = await vigil(
            { VIGIL_DATA_DIR: dataDir },
            "user:create",
            "--email",
            email,
            "--password",
            TEST_PASSWORD,
          );
          expect(lastLine(dup.stderr)).toBe("vigil: An account with this email already exists.");
          const mode = fs.statSync(path.join(dataDir, "control.json")).mode & 0o777;
          expect(mode).toBe(0o600);
        } finally {
          await control.close();
          await handle.close();
          await lock.release();
        }
      },
    );
  });
