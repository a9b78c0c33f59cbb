import { spawn, execFile, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import net from "node:net";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import postgres from "postgres";
import { io as connect, type Socket } from "socket.io-client";
import { createVigilClient } from "@/server/http/api-v1/client/vigil-client";
import { dataOf } from "./support/api-client";

// Two real Vigil processes (`node bin/start.mjs`, what `npm start` runs) on one PostgreSQL.
const run = promisify(execFile);
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

const QUIET: Record<string, string> = { NEXT_TELEMETRY_DISABLED: "1", LOG_LEVEL: "warn" };

/** The caller's environment without any Vigil, database or auth settings, plus `extra`. */
const cleanEnv = (extra: Record<string, string>) =>
  ({
    ...Object.fromEntries(
      Object.entries(process.env).filter(
        ([k]) => !/^(DATABASE_URL|VIGIL_|NEXTAUTH_|AUTH_|INNGEST_|PORT$|HOST$)/.test(k),
      ),
    ),
    ...QUIET,
    ...extra,
  }) as NodeJS.ProcessEnv;

type Vigil = { proc: ChildProcess; base: string; output: () => string };

async function startVigil(databaseUrl: string): Promise<Vigil> {
  const port = await freePort();
  const proc = spawn(process.execPath, ["bin/start.mjs"], {
    env: cleanEnv({ PORT: String(port), HOST: "127.0.0.1", DATABASE_URL: databaseUrl }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  proc.stdout?.on("data", (d: Buffer) => (out += d.toString()));
  proc.stderr?.on("data", (d: Buffer) => (out += d.toString()));
  return { proc, base: `http://127.0.0.1:${port}`, output: () => out };
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

/** SIGTERM, then the exit code (null if it had to be killed). */
async function stop(v: Vigil | undefined): Promise<number | null> {
  if (!v || v.proc.exitCode !== null) return v?.proc.exitCode ?? null;
  const exited = new Promise<number | null>((resolve) => v.proc.once("exit", resolve));
  v.proc.kill("SIGTERM");
  const code = await Promise.race([exited, new Promise<null>((r) => setTimeout(r, 15_000, null))]);
  v.proc.kill("SIGKILL");
  return code;
}

test.describe("two Vigil processes on one PostgreSQL", () => {
  test.setTimeout(240_000);

  test("a flip committed on node A reaches a viewer on node B once, and Public → Private on A is a 404 on B at once", async () => {
    const name = `vigil_e2e_${randomBytes(6).toString("hex")}`;
    const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    const databaseUrl = url.toString();
    let a: Vigil | undefined;
    let b: Vigil | undefined;
    let viewer: Socket | undefined;
    try {
      // One at a time: the first migrates, so both start from the same schema without racing.
      a = await startVigil(databaseUrl);
      await waitUp(a);
      b = await startVigil(databaseUrl);
      await waitUp(b);

      const cli = async (...args: string[]) =>
        (
          await run(process.execPath, ["bin/vigil.mjs", ...args], {
            env: cleanEnv({ DATABASE_URL: databaseUrl }),
          })
        ).stdout;
      const email = `nodes-${randomBytes(4).toString("hex")}@example.com`;
      await cli("user:create", "--email", email, "--password", "Correct-Horse-9");
      const key = (await cli("apikey:create", "--email", email)).trim().split("\n").at(-1)!;
      const api = createVigilClient(a.base, key);

      const heartbeat = dataOf(
        await api.POST("/heartbeats", { body: { name: "Nightly backup", interval_secs: 3600 } }),
      );
      const created = await api.POST("/status-pages", {
        body: { slug: name.replaceAll("_", "-"), title: "Acme Status", visibility: "public" },
      });
      expect(created.response.status).toBe(201);
      const page = dataOf(created);
      expect((await fetch(`${b.base}/status/${page.slug}`)).status).toBe(200);

      viewer = connect(b.base, { transports: ["websocket"], reconnection: false });
      await new Promise<void>((resolve, reject) => {
        viewer!.once("connect", resolve);
        viewer!.once("connect_error", reject);
      });
      const joined = (await viewer
        .timeout(5_000)
        .emitWithAck("room:join", `status-page:${page.id}`)) as { ok: boolean };
      expect(joined.ok).toBe(true);
      const flips: { state: string }[] = [];
      viewer.on("status:flip", (f: { state: string }) => flips.push(f));

      expect((await fetch(`${a.base}/ping/${heartbeat.token}`)).status).toBe(200);
      await expect.poll(() => flips.length, { timeout: 5_000 }).toBe(1);
      expect(flips[0]).toMatchObject({ state: "up" });

      // Node B has just served it (a fresh copy, well inside its 5 s re-check).
      expect((await fetch(`${b.base}/status/${page.slug}`)).status).toBe(200);
      const hidden = await api.PATCH("/status-pages/{id}", {
        params: { path: { id: page.id } },
        body: { visibility: "private" },
      });
      expect(hidden.response.status).toBe(200);
      const after = await fetch(`${b.base}/status/${page.slug}`);
      expect(after.status).toBe(404);
      expect(await after.text()).not.toContain("Acme");
      expect(flips).toHaveLength(1);

      // Both stop cleanly, adapter connections included.
      expect(await Promise.all([stop(a), stop(b)])).toEqual([0, 0]);
    } finally {
      viewer?.disconnect();
      await Promise.all([stop(a), stop(b)]);
      await admin.unsafe(`drop database if exists ${name} with (force)`).catch(() => {});
      await admin.end();
    }
  });
});
