import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

/** Helpers for benchmarks that drive real processes: Vigil, a ceiling server, a load generator. */
export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export function cpuTicks(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return Number(fields[11]) + Number(fields[12]);
}

export async function waitUp(url: string, timeoutMs = 120_000): Promise<void> {
  for (let i = 0; i < timeoutMs / 200; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not come up`);
}

export type Load = {
  rps: number;
  total: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
};

/**
 * autocannon in its own process (bench/load-pings.cjs) with 64 connections over the given paths,
 * and the CPU the process `pid` used meanwhile (% of one core).
 */
export async function load(
  base: string,
  paths: string[],
  seconds: number,
  pid: number,
  headers: Record<string, string> = {},
): Promise<Load & { cpu: number }> {
  const file = path.join(os.tmpdir(), `vigil-load-paths-${process.pid}.txt`);
  fs.writeFileSync(file, paths.join("\n"));
  const ticks0 = cpuTicks(pid);
  const t0 = performance.now();
  const child = spawn(
    process.execPath,
    ["bench/load-pings.cjs", base, file, String(seconds), "64"],
    {
      stdio: ["ignore", "pipe", "inherit"],
      env: { ...process.env, LOAD_HEADERS: JSON.stringify(headers) },
    },
  );
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  await new Promise((r) => child.once("exit", r));
  const wall = (performance.now() - t0) / 1000;
  const cpu = ((cpuTicks(pid) - ticks0) / 100 / wall) * 100;
  return { ...(JSON.parse(out) as Load), cpu };
}

export function stop(proc: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (proc.exitCode !== null) return resolve();
    proc.once("exit", () => resolve());
    proc.kill("SIGTERM");
  });
}
