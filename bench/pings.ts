import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { heartbeats } from "@/db/schema";
import { openDatabase } from "@/db/client";
import { createTestDatabase } from "@/db/testing/test-database";
import { makeUser } from "@/db/testing/factories";
import { generatePingToken } from "@/server/services/heartbeats/heartbeat-token";
import type { Db } from "@/db/client";
import { freePort, load, stop, waitUp, type Load } from "@/bench/processes";

const HEARTBEATS = 1000;

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
