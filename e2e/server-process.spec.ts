import { spawn, execFile, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { io as connect } from "socket.io-client";
import { createVigilClient } from "@/server/http/api-v1/client/vigil-client";
import { dataOf } from "./support/api-client";

// The real server as an operator runs it: `node bin/start.mjs` (what `npm start` runs).
const run = promisify(execFile);

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

type Vigil = {
  proc: ChildProcess;
  port: number;
  base: string;
  dataDir: string;
  output: () => string;
  exited: Promise<number | null>;
};

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

async function startVigil(dataDir: string, extra: Record<string, string> = {}): Promise<Vigil> {
  const port = extra.PORT && /^\d+$/.test(extra.PORT) ? Number(extra.PORT) : await freePort();
  const proc = spawn(process.execPath, ["bin/start.mjs"], {
    env: cleanEnv({
      PORT: String(port),
      HOST: "127.0.0.1",
      VIGIL_DATA_DIR: dataDir,
      NEXT_TELEMETRY_DISABLED: "1",
      ...extra,
    }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  proc.stdout?.on("data", (d: Buffer) => (out += d.toString()));
  proc.stderr?.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => proc.on("exit", (code) => resolve(code)));
  return { proc, port, base: `http://127.0.0.1:${port}`, dataDir, output: () => out, exited };
}

async function waitUp(v: Vigil, seconds = 120): Promise<void> {
  for (let i = 0; i < seconds * 4; i++) {
    if (v.proc.exitCode !== null) throw new Error(`server exited: ${v.output()}`);
    try {
      if ((await fetch(`${v.base}/api/health`)).ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not come up: ${v.output()}`);
}

/** next-auth's credentials flow over plain HTTP; returns the Cookie header of the new session. */
async function signInOverHttp(base: string, email: string, password: string): Promise<string> {
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const eq = pair?.indexOf("=") ?? -1;
      if (pair && eq > 0) jar.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
  };
  keep(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader() },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
    redirect: "manual",
  });
  keep(res);
  expect(res.status).toBe(200);
  expect(jar.has("next-auth.session-token")).toBe(true);
  return cookieHeader();
}

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), "vigil-proc-"));

test.describe("the Vigil process", () => {
  test("serves Next, tRPC, Socket.IO and Inngest on one port, then shuts down cleanly on SIGTERM", async () => {
    const dataDir = tempDir();
    const vigil = await startVigil(dataDir);
    try {
      await waitUp(vigil);
      expect((await fetch(vigil.base)).status).toBe(200);
      const trpc = await fetch(`${vigil.base}/api/trpc/workspace.current`);
      expect(trpc.status).toBe(401);
      const inngest = await fetch(`${vigil.base}/api/inngest`);
      expect(inngest.status).toBe(200);
      expect(await inngest.json()).toMatchObject({ function_count: expect.any(Number) });

      const socket = connect(vigil.base, { transports: ["websocket"], reconnection: false });
      await new Promise<void>((resolve, reject) => {
        socket.once("connect", resolve);
        socket.once("connect_error", reject);
      });
      const disconnected = new Promise((resolve) => socket.once("disconnect", resolve));

      vigil.proc.kill("SIGTERM");
      expect(await vigil.exited).toBe(0);
      await disconnected;
      expect(fs.existsSync(path.join(dataDir, "vigil.lock"))).toBe(false);
      expect(fs.existsSync(path.join(dataDir, "control.json"))).toBe(false);
    } finally {
      vigil.proc.kill("SIGKILL");
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  test("refuses a second process on the same data dir, and takes over after kill -9", async () => {
    const dataDir = tempDir();
    const first = await startVigil(dataDir);
    try {
      await waitUp(first);
      const second = await startVigil(dataDir);
      expect(await second.exited).toBe(1);
      expect(second.output()).toContain(
        `is in use by another Vigil process (pid ${first.proc.pid} on host ${os.hostname()})`,
      );

      const { stdout } = await run(
        process.execPath,
        [
          "bin/vigil.mjs",
          "user:create",
          "--email",
          "ops@example.com",
          "--password",
          "Correct-Horse-9",
        ],
        {
          env: cleanEnv({ VIGIL_DATA_DIR: dataDir }),
        },
      );
      expect(stdout).toBe("");

      // The CLI's user signs in through next-auth, and the session outlives a crash and restart.
      const cookie = await signInOverHttp(first.base, "ops@example.com", "Correct-Horse-9");
      first.proc.kill("SIGKILL");
      await first.exited;
      const restarted = await startVigil(dataDir, { PORT: String(first.port) });
      try {
        await waitUp(restarted);
        const current = await fetch(`${restarted.base}/api/trpc/workspace.current`, {
          headers: { cookie },
        });
        expect(current.status).toBe(200);
        expect(JSON.stringify(await current.json())).toContain("ops@example.com");
        const { stdout: key } = await run(
          process.execPath,
          ["bin/vigil.mjs", "apikey:create", "--email", "ops@example.com"],
          {
            env: cleanEnv({ VIGIL_DATA_DIR: dataDir }),
          },
        );
        expect(key.trim()).toMatch(/^vgl_/);
      } finally {
        restarted.proc.kill("SIGTERM");
        expect(await restarted.exited).toBe(0);
      }
    } finally {
      first.proc.kill("SIGKILL");
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  test("stops within its deadline on SIGTERM while a check hangs, and starts again on the same data dir", async () => {
    test.setTimeout(120_000);
    // A target that accepts and never answers: the check would wait out its 60 s timeout.
    let connected!: () => void;
    const checkInFlight = new Promise<void>((resolve) => (connected = resolve));
    const silent = net.createServer(() => connected());
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const target = `http://127.0.0.1:${(silent.address() as net.AddressInfo).port}/`;
    const dataDir = tempDir();
    const env = { VIGIL_ALLOW_PRIVATE_TARGETS: "true" };
    const vigil = await startVigil(dataDir, env);
    try {
      await waitUp(vigil);
      const cli = (...args: string[]) =>
        run(process.execPath, ["bin/vigil.mjs", ...args], {
          env: cleanEnv({ VIGIL_DATA_DIR: dataDir }),
        });
      await cli("user:create", "--email", "ops@example.com", "--password", "Correct-Horse-9");
      const key = (await cli("apikey:create", "--email", "ops@example.com")).stdout.trim();
      const created = await createVigilClient(vigil.base, key).POST("/monitors", {
        body: { name: "Silent", url: target, interval_secs: 120, timeout_secs: 60 },
      });
      expect(created.response.status).toBe(201);
      await checkInFlight;

      const sentAt = Date.now();
      vigil.proc.kill("SIGTERM");
      expect(await vigil.exited).toBe(0);
      expect(Date.now() - sentAt).toBeLessThan(8_000);
      expect(vigil.output()).not.toContain("shutdown took too long");

      const restarted = await startVigil(dataDir, env);
      try {
        await waitUp(restarted);
        const list = dataOf(await createVigilClient(restarted.base, key).GET("/monitors"));
        expect(list.monitors.map((m) => m.url)).toContain(target);
      } finally {
        restarted.proc.kill("SIGTERM");
        expect(await restarted.exited).toBe(0);
      }
    } finally {
      vigil.proc.kill("SIGKILL");
      silent.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  test("stops at start-up with a message naming a bad variable", async () => {
    const dataDir = tempDir();
    const vigil = await startVigil(dataDir, { PORT: "not-a-port" });
    expect(await vigil.exited).toBe(1);
    expect(vigil.output()).toContain('PORT must be a whole number (got "not-a-port")');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});
