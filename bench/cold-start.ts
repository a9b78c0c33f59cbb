import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function rssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** Time from `node bin/start.mjs` (existing build, fresh data dir) to a healthy server, and its memory. */
export async function benchColdStart(): Promise<void> {
  if (!fs.existsSync(".next/BUILD_ID")) {
    console.log("cold start: no build (run `npm run build` first)");
    return;
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-bench-"));
  const port = await freePort();
  const started = performance.now();
  const proc = spawn(process.execPath, ["bin/start.mjs"], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      VIGIL_DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
    },
    stdio: "ignore",
  });
  try {
    for (;;) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) break;
      } catch {
        /* starting */
      }
      if (performance.now() - started > 120_000)
        throw new Error("server did not start within 120 s");
      await new Promise((r) => setTimeout(r, 50));
    }
    const ready = performance.now() - started;
    for (let i = 0; i < 20; i++) await fetch(`http://127.0.0.1:${port}/`);
    console.log(
      `cold start to healthy (fresh PGlite data dir, migrations included): ${(ready / 1000).toFixed(2)} s`,
    );
    console.log(`server RSS after 20 page views: ${rssMiB(proc.pid ?? 0).toFixed(0)} MiB`);
  } finally {
    proc.kill("SIGTERM");
    await new Promise((r) => proc.once("exit", r));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
