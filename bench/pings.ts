import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { heartbeats } from "@/db/schema";
import { openDatabase } from "@/db/client";
import { createTestDatabase } from "@/db/testing/test-database";
import { makeUser } from "@/db/testing/factories";
import { generatePingToken } from "@/server/services/heartbeats/heartbeat-token";
import type { Db } from "@/db/client";

const HEARTBEATS = 1000;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function seed(db: Db): Promise<string[]> {
  const { workspace } = await makeUser(db);
  const tokens = Array.from({ length: HEARTBEATS }, generatePingToken);
  await db.insert(heartbeats).values(
    tokens.map((token, i) => ({
      workspaceId: workspace.id,
      name: `job-${i}`,
      token,
      intervalSecs: 3600,
    })),
  );
  return tokens;
}

function cpuTicks(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return Number(fields[11]) + Number(fields[12]);
}

async function waitUp(url: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not come up`);
}

type Load = {
  rps: number;
  total: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
};

async function load(
  base: string,
  paths: string[],
  seconds: number,
  pid: number,
): Promise<Load & { cpu: number }> {
  const file = path.join(os.tmpdir(), `vigil-ping-paths-${process.pid}.txt`);
  fs.writeFileSync(file, paths.join("\n"));
  const ticks0 = cpuTicks(pid);
  const t0 = performance.now();
  const child = spawn(
    process.execPath,
    ["bench/load-pings.cjs", base, file, String(seconds), "64"],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  await new Promise((r) => child.once("exit", r));
  const wall = (performance.now() - t0) / 1000;
  const cpu = ((cpuTicks(pid) - ticks0) / 100 / wall) * 100;
  return { ...(JSON.parse(out) as Load), cpu };
}

function stop(proc: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    proc.once("exit", () => resolve());
    proc.kill("SIGTERM");
  });
}

const line = (name: string, r: Load & { cpu: number }, ceiling?: number) =>
  `${name.padEnd(28)} ${r.rps.toFixed(0).padStart(6)} pings/s  p50 ${r.p50} ms  p99 ${r.p99} ms  CPU ${r.cpu.toFixed(0)}%` +
  `${r.non2xx || r.errors ? `  (${r.non2xx} non-2xx, ${r.errors} errors)` : ""}${ceiling ? `  = ${(r.rps / ceiling).toFixed(2)} of the ceiling` : ""}`;

/**
 * Sustained load on /ping/<token> across 1,000 heartbeats from a separate process: the real Vigil
 * server on PostgreSQL and on PGlite, and a bare Node http server answering OK (the ceiling).
 */
export async function benchPings(seconds: number): Promise<void> {
  if (!fs.existsSync(".next/BUILD_ID")) throw new Error("no build: run `npm run build` first");
  const env = (extra: Record<string, string>) =>
    ({
      ...Object.fromEntries(
        Object.entries(process.env).filter(([k]) => !/^(DATABASE_URL|VIGIL_|INNGEST_)/.test(k)),
      ),
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      ...extra,
    }) as unknown as NodeJS.ProcessEnv;

  // The ceiling: the same load against a server that does no work.
  const barePort = await freePort();
  const bare = spawn(process.execPath, [
    "-e",
    `require("http").createServer((q,r)=>{r.writeHead(200,{"content-type":"text/plain"});r.end("OK")}).listen(${barePort},"127.0.0.1")`,
  ]);
  await waitUp(`http://127.0.0.1:${barePort}/`);
  const ceiling = await load(`http://127.0.0.1:${barePort}`, ["/ping/x"], seconds, bare.pid ?? 0);
  await stop(bare);
  console.log(line("bare Node http (ceiling)", ceiling));

  const pg = await createTestDatabase("postgres");
  try {
    const tokens = await seed(pg.db);
    const port = await freePort();
    const vigil = spawn(process.execPath, ["bin/start.mjs"], {
      env: env({
        PORT: String(port),
        DATABASE_URL: pg.url ?? "",
        VIGIL_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "vigil-bench-")),
      }),
      stdio: "ignore",
    });
    await waitUp(`http://127.0.0.1:${port}/api/health`);
    const r = await load(
      `http://127.0.0.1:${port}`,
      tokens.map((t) => `/ping/${t}`),
      seconds,
      vigil.pid ?? 0,
    );
    await stop(vigil);
    console.log(line("Vigil on PostgreSQL", r, ceiling.rps));
  } finally {
    await pg.drop();
  }

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-bench-pglite-"));
  try {
    const handle = await openDatabase({ kind: "pglite", dataDir: path.join(dataDir, "pgdata") });
    await handle.migrate();
    const tokens = await seed(handle.db);
    await handle.close();
    const port = await freePort();
    const vigil = spawn(process.execPath, ["bin/start.mjs"], {
      env: env({ PORT: String(port), VIGIL_DATA_DIR: dataDir }),
      stdio: "ignore",
    });
    await waitUp(`http://127.0.0.1:${port}/api/health`);
    const r = await load(
      `http://127.0.0.1:${port}`,
      tokens.map((t) => `/ping/${t}`),
      seconds,
      vigil.pid ?? 0,
    );
    await stop(vigil);
    console.log(line("Vigil on PGlite", r, ceiling.rps));
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
