import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { inArray } from "drizzle-orm";
import { heartbeats, pings } from "@/db/schema";
import { makeUser } from "@/db/testing/factories";
import { startOutageProxy } from "@/db/testing/outage-proxy";
import { createTestDatabase } from "@/db/testing/test-database";
import { generatePingToken } from "@/server/services/heartbeats/heartbeat-token";
import { freePort, waitUp } from "@/bench/processes";

type Answer = { n: number; at: number; status: number; ms: number };

const percentile = (xs: number[], p: number) =>
  xs.length ? ([...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * p)] ?? 0) : 0;

function summary(name: string, answers: Answer[]): string {
  const ms = answers.map((a) => a.ms);
  const statuses = new Map<number, number>();
  for (const a of answers) statuses.set(a.status, (statuses.get(a.status) ?? 0) + 1);
  const counts = [...statuses].map(([s, n]) => `${n}×${s || "no answer"}`).join(" ");
  return `${name.padEnd(24)} ${counts.padEnd(22)} p50 ${percentile(ms, 0.5)} ms  p99 ${percentile(ms, 0.99)} ms  max ${Math.max(0, ...ms)} ms`;
}

/**
 * The real Vigil server on PostgreSQL behind a loopback proxy that goes silent for `seconds`
 * (open connections cut, new ones never answered) under steady ping load and health probes.
 */
export async function benchDbOutage(seconds: number): Promise<void> {
  if (!fs.existsSync(".next/BUILD_ID")) throw new Error("no build: run `npm run build` first");
  const pg = await createTestDatabase("postgres");
  const proxy = await startOutageProxy(pg.url ?? "");
  try {
    const { workspace } = await makeUser(pg.db);
    const tokens = Array.from({ length: 100 }, generatePingToken);
    await pg.db.insert(heartbeats).values(
      tokens.map((token, i) => ({
        workspaceId: workspace.id,
        name: `job-${i}`,
        token,
        intervalSecs: 3600,
      })),
    );
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const vigil = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
      env: {
        ...Object.fromEntries(
          Object.entries(process.env).filter(([k]) => !/^(DATABASE_URL|VIGIL_|INNGEST_)/.test(k)),
        ),
        NODE_ENV: "production",
        HOST: "127.0.0.1",
        PORT: String(port),
        LOG_LEVEL: "fatal",
        DATABASE_URL: proxy.url,
        VIGIL_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "vigil-bench-outage-")),
      } as unknown as NodeJS.ProcessEnv,
      stdio: "ignore",
    });
    let exitCode: number | null | undefined;
    const exited = new Promise<void>((resolve) =>
      vigil.once("exit", (code) => {
        exitCode = code;
        resolve();
      }),
    );
    await waitUp(`${base}/api/health`);

    let n = 0;
    let stopping = false;
    const answers: Answer[] = [];
    const health: Answer[] = [];
    const ask = async (url: string, into: Answer[]) => {
      const at = Date.now();
      const id = ++n;
      try {
        const res = await fetch(url, {
          headers: { "user-agent": `bench-${id}` },
          signal: AbortSignal.timeout(30_000),
        });
        await res.arrayBuffer();
        into.push({ n: id, at, status: res.status, ms: Date.now() - at });
      } catch {
        into.push({ n: id, at, status: 0, ms: Date.now() - at });
      }
    };
    const clients = Array.from({ length: 16 }, async (_, c) => {
      for (let i = c; !stopping; i += 16) {
        const token = tokens[i % tokens.length] ?? "";
        await ask(`${base}/ping/${token}`, answers);
      }
    });
    const prober = (async () => {
      while (!stopping) {
        await ask(`${base}/api/health`, health);
        await new Promise((r) => setTimeout(r, 250));
      }
    })();

    const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const t0 = Date.now();
    await pause(3_000);
    proxy.blackhole();
    const downAt = Date.now();
    await pause(seconds * 1000);
    proxy.restore();
    const upAt = Date.now();
    await pause(10_000);
    stopping = true;
    await Promise.all([...clients, prober]);

    const phase = (xs: Answer[], from: number, to: number) =>
      xs.filter((a) => a.at >= from && a.at < to);
    console.log(
      `PostgreSQL unreachable for ${seconds} s under ping load (16 clients, 100 heartbeats):`,
    );
    console.log(summary("pings, before", phase(answers, t0, downAt)));
    console.log(summary("pings, during", phase(answers, downAt, upAt)));
    console.log(summary("pings, after", phase(answers, upAt, Infinity)));
    console.log(summary("/api/health, during", phase(health, downAt, upAt)));
    console.log(summary("/api/health, after", phase(health, upAt, Infinity)));
    const firstOk = (xs: Answer[]) => xs.find((a) => a.at >= upAt && a.status === 200);
    console.log(
      `first 200 after the database came back: ping +${(firstOk(answers)?.at ?? NaN) - upAt} ms, ` +
        `health +${(firstOk(health)?.at ?? NaN) - upAt} ms; server ${exitCode === undefined ? "still running" : `exited ${exitCode}`}`,
    );
    const ok = answers.filter((a) => a.status === 200).map((a) => `bench-${a.n}`);
    let stored = 0;
    for (let i = 0; i < ok.length; i += 5000)
      stored += (
        await pg.db
          .select({ userAgent: pings.userAgent })
          .from(pings)
          .where(inArray(pings.userAgent, ok.slice(i, i + 5000)))
      ).length;
    console.log(`pings answered 200: ${ok.length}, of which stored: ${stored}`);

    const stopAt = Date.now();
    vigil.kill("SIGTERM");
    await exited;
    console.log(`SIGTERM → exit ${exitCode} in ${Date.now() - stopAt} ms`);
  } finally {
    await proxy.close();
    await pg.drop();
  }
}
