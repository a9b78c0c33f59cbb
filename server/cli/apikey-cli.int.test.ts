import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDbKind, type TestDatabase } from "@/db/testing/test-database";
import { makeUser, TEST_PASSWORD, uniqueEmail } from "@/db/testing/factories";
import { systemClock } from "@/server/services/context";
import { authenticateApiKey } from "@/server/services/api-keys/authenticate-api-key";

const run = promisify(execFile);
const bin = path.resolve("bin/vigil.mjs");
const cleanEnv = (extra: Record<string, string>) =>
  ({
    ...Object.fromEntries(
      Object.entries(process.env).filter(
        ([k]) => !/^(DATABASE_URL|VIGIL_|NEXTAUTH_|AUTH_|INNGEST_|PORT$|HOST$)/.test(k),
      ),
    ),
    ...extra,
  }) as NodeJS.ProcessEnv;

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

const lastLine = (text: string) => text.trim().split("\n").at(-1) ?? "";

// Each CLI run starts tsx (and, embedded, opens PGlite): seconds each on a busy machine.
if (testDbKind() === "postgres")
  describe("apikey CLI commands on PostgreSQL", { timeout: 180_000 }, () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await createTestDatabase("postgres");
    });
    afterAll(() => database.drop());
    const env = () => ({ DATABASE_URL: database.url ?? "" });
    const authenticate = (key: string) =>
      authenticateApiKey({ ctx: { db: database.db, now: systemClock }, input: { key } });

    it("creates a read key with an expiry, lists it without the key and revokes it by prefix", async () => {
      const { email } = await makeUser(database.db);
      const expires = new Date(Date.now() + 7 * 86_400_000).toISOString();
      const created = await vigil(
        env(),
        "apikey:create",
        "--email",
        email,
        "--name",
        "grafana",
        "--scope",
        "read",
        "--expires",
        expires,
      );
      expect(created.code).toBe(0);
      const key = lastLine(created.stdout);
      expect(created.stdout.trim()).toBe(key);
      expect(key).toMatch(/^vgl_[A-Za-z0-9_-]{32,}$/);
      expect(created.stderr).toContain("read API key");
      await expect(authenticate(key)).resolves.toMatchObject({ scope: "read" });

      const listed = await vigil(env(), "apikey:list", "--email", email);
      expect(listed.code).toBe(0);
      const [header, row, ...more] = listed.stdout.trim().split("\n");
      expect(header).toMatch(/^ID\s+PREFIX\s+SCOPE\s+CREATED\s+LAST USED\s+EXPIRES\s+NAME$/);
      expect(more).toEqual([]);
      expect(row).toContain(key.slice(0, 10));
      expect(row).toMatch(/\sread\s.*grafana$/);
      expect(row).toContain(expires.replace(/\.\d{3}Z$/, "Z"));
      expect(listed.stdout).not.toContain(key);

      const revoked = await vigil(
        env(),
        "apikey:revoke",
        "--email",
        email,
        "--prefix",
        key.slice(0, 10),
      );
      expect(revoked.code).toBe(0);
      expect(revoked.stderr).toContain("revoked");
      await expect(authenticate(key)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
      const after = await vigil(env(), "apikey:list", "--email", email);
      expect(after.stdout).toBe("");
      expect(lastLine(after.stderr)).toBe("There are no API keys.");
    });

    it("defaults to a write key and revokes by id; another owner's id is not found", async () => {
      const { email } = await makeUser(database.db);
      const other = await makeUser(database.db);
      const key = lastLine((await vigil(env(), "apikey:create", "--email", email)).stdout);
      const auth = await authenticate(key);
      expect(auth.scope).toBe("write");
      const foreign = await vigil(
        env(),
        "apikey:revoke",
        "--email",
        other.email,
        "--id",
        auth.apiKeyId,
      );
      expect(foreign.code).not.toBe(0);
      expect(lastLine(foreign.stderr)).toBe("vigil: API key not found.");
      await expect(authenticate(key)).resolves.toBeDefined();
      expect(
        (await vigil(env(), "apikey:revoke", "--email", email, "--id", auth.apiKeyId)).code,
      ).toBe(0);
      await expect(authenticate(key)).rejects.toMatchObject({ message: "invalid API key" });
    });

    it("refuses a bad scope or expiry and a revoke without --id or --prefix in one line", async () => {
      const { email } = await makeUser(database.db);
      const scope = await vigil(env(), "apikey:create", "--email", email, "--scope", "admin");
      expect(scope.code).not.toBe(0);
      expect(scope.stdout).toBe("");
      expect(lastLine(scope.stderr)).toBe("vigil: --scope: Scope must be read or write.");
      const past = await vigil(
        env(),
        "apikey:create",
        "--email",
        email,
        "--expires",
        "2020-01-01T00:00:00Z",
      );
      expect(lastLine(past.stderr)).toBe("vigil: --expires: Expiry date must be in the future.");
      const neither = await vigil(env(), "apikey:revoke", "--email", email);
      expect(neither.code).toBe(2);
      expect(neither.stderr).toContain(
        "vigil: The apikey:revoke command needs --id or --prefix (one of them, not both).",
      );
    });
  });

if (testDbKind() === "pglite")
  describe("apikey CLI commands on the embedded database", { timeout: 180_000 }, () => {
    let dataDir: string;
    beforeAll(() => {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-apikey-cli-"));
    });
    afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

    it("creates, lists and revokes a key in the data dir", async () => {
      const env = { VIGIL_DATA_DIR: dataDir };
      const email = uniqueEmail("cli");
      expect(
        (await vigil(env, "user:create", "--email", email, "--password", TEST_PASSWORD)).code,
      ).toBe(0);
      const key = lastLine(
        (await vigil(env, "apikey:create", "--email", email, "--scope", "read")).stdout,
      );
      expect(key).toMatch(/^vgl_/);
      const listed = await vigil(env, "apikey:list", "--email", email);
      const id = listed.stdout.trim().split("\n")[1]?.split(/\s+/)[0] ?? "";
      expect(listed.stdout).toContain(key.slice(0, 10));
      const revoked = await vigil(env, "apikey:revoke", "--email", email, "--id", id);
      expect(revoked.code).toBe(0);
      expect((await vigil(env, "apikey:list", "--email", email)).stderr).toContain(
        "There are no API keys.",
      );
    });
  });
