import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openDatabase, type Db } from "@/db/client";
import { createTestDatabase, testDbKind, type TestDatabase } from "@/db/testing/test-database";
import { uniqueEmail } from "@/db/testing/factories";
import { systemClock } from "@/server/services/context";
import { verifyCredentials } from "@/server/services/users/verify-credentials";

// Each CLI run compiles the CLI with tsx: seconds on a quiet machine, far more on a loaded CI run.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 180_000 });

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

type Run = { code: number | null; stdout: string; stderr: string };

/** The real CLI with `input` piped on its standard input (not a terminal). */
function vigil(env: Record<string, string>, input: string, ...args: string[]): Promise<Run> {
  const child = spawn(process.execPath, [bin, ...args], { env: cleanEnv(env) });
  return collect(child, () => child.stdin.end(input));
}

function collect(
  child: ReturnType<typeof spawn>,
  start: (onOutput: (text: string) => void) => void,
): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const listeners: ((text: string) => void)[] = [];
  child.stdout?.on("data", (d: Buffer) => {
    stdout += d.toString();
    for (const l of listeners) l(stdout);
  });
  child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
  start((text) => listeners.push(() => text));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * The real CLI on a pseudo-terminal (util-linux `script`): each answer is typed only once the
 * prompt is on screen, as a person would. Returns everything the terminal showed.
 */
async function vigilOnTerminal(env: Record<string, string>, answers: string[], args: string[]) {
  const command = [process.execPath, bin, ...args].map((a) => `'${a}'`).join(" ");
  const child = spawn("script", ["-qfec", command, "/dev/null"], { env: cleanEnv(env) });
  let screen = "";
  const prompts = [/Password: $/, /Repeat the password: $/];
  child.stdout.on("data", (d: Buffer) => {
    screen += d.toString();
    const next = prompts[0];
    if (next && next.test(screen)) {
      prompts.shift();
      child.stdin.write(`${answers.shift() ?? ""}\r`);
    }
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", resolve);
  });
  return { code, screen };
}

const canSignIn = (db: Db, email: string, password: string) =>
  verifyCredentials({ ctx: { db, now: systemClock }, input: { email, password } });

const lastLine = (text: string) => text.trim().split("\n").at(-1);

if (testDbKind() === "postgres")
  describe("CLI passwords on PostgreSQL", () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await createTestDatabase("postgres");
    });
    afterAll(() => database.drop());
    const env = () => ({ DATABASE_URL: database.url ?? "" });

    it("takes the first line of standard input with --password-stdin, for create and reset", async () => {
      const email = uniqueEmail("stdin");
      const created = await vigil(
        env(),
        "Piped-Horse-91\nignored second line\n",
        "user:create",
        "--email",
        email,
        "--password-stdin",
      );
      expect(created).toMatchObject({ code: 0 });
      expect(created.stderr).toContain(`Created user ${email}`);
      await expect(canSignIn(database.db, email, "Piped-Horse-91")).resolves.not.toBeNull();

      const reset = await vigil(
        env(),
        "Fresh-Staple-42\r\n",
        "user:reset-password",
        "--email",
        email,
        "--password-stdin",
      );
      expect(reset).toMatchObject({ code: 0 });
      await expect(canSignIn(database.db, email, "Fresh-Staple-42")).resolves.not.toBeNull();
      await expect(canSignIn(database.db, email, "Piped-Horse-91")).resolves.toBeNull();
    }, 90_000);

    it("refuses with one line: both flags, an empty first line, or no password and no terminal", async () => {
      const email = uniqueEmail("stdin");
      const both = await vigil(
        env(),
        "Piped-Horse-91\n",
        "user:create",
        "--email",
        email,
        "--password",
        "Piped-Horse-91",
        "--password-stdin",
      );
      expect(both.code).toBe(2);
      expect(both.stderr.trim()).toBe("vigil: Give --password or --password-stdin, not both.");
      const empty = await vigil(env(), "\n", "user:create", "--email", email, "--password-stdin");
      expect(empty.code).toBe(2);
      expect(lastLine(empty.stderr)).toBe(
        "vigil: The first line of standard input is empty; --password-stdin reads the password from it.",
      );
      const none = await vigil(env(), "Piped-Horse-91\n", "user:reset-password", "--email", email);
      expect(none.code).toBe(2);
      expect(lastLine(none.stderr)).toBe(
        "vigil: The user:reset-password command needs a password: give --password-stdin, or run it in a terminal to be asked.",
      );
      const weak = await vigil(env(), "abc\n", "user:create", "--email", email, "--password-stdin");
      expect(lastLine(weak.stderr)).toBe("vigil: Password must be at least 8 characters.");
      await expect(canSignIn(database.db, email, "Piped-Horse-91")).resolves.toBeNull();
    }, 90_000);

    it("asks a terminal twice without showing the password, and refuses two different answers", async () => {
      const email = uniqueEmail("tty");
      const asked = await vigilOnTerminal(
        env(),
        ["Typed-Horse-77", "Typed-Horse-77"],
        ["user:create", "--email", email],
      );
      expect(asked.code).toBe(0);
      expect(asked.screen).toContain("Repeat the password: ");
      expect(asked.screen).not.toContain("Typed-Horse");
      await expect(canSignIn(database.db, email, "Typed-Horse-77")).resolves.not.toBeNull();

      const mismatch = await vigilOnTerminal(
        env(),
        ["Other-Horse-77", "Other-Horse-78"],
        ["user:reset-password", "--email", email],
      );
      expect(mismatch.code).toBe(2);
      expect(mismatch.screen).toContain(
        "vigil: The two passwords did not match; nothing was changed.",
      );
      expect(mismatch.screen).not.toContain("Other-Horse");
      await expect(canSignIn(database.db, email, "Typed-Horse-77")).resolves.not.toBeNull();
    }, 90_000);
  });

if (testDbKind() === "pglite")
  describe("CLI passwords on the embedded database", () => {
    let dataDir: string;
    beforeAll(() => {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-cli-pw-"));
    });
    afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

    it("creates a user from a password piped on standard input", async () => {
      const email = uniqueEmail("stdin");
      const created = await vigil(
        { VIGIL_DATA_DIR: dataDir },
        "Piped-Horse-91\n",
        "user:create",
        "--email",
        email,
        "--password-stdin",
      );
      expect(created).toMatchObject({ code: 0 });
      const handle = await openDatabase({ kind: "pglite", dataDir: path.join(dataDir, "pgdata") });
      try {
        await expect(canSignIn(handle.db, email, "Piped-Horse-91")).resolves.not.toBeNull();
      } finally {
        await handle.close();
      }
    }, 120_000);
  });
