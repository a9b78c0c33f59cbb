import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { heartbeats, monitors, statusPageItems, statusPages } from "@/db/schema";
import { openDatabase, type Db } from "@/db/client";
import { createTestDatabase } from "@/db/testing/test-database";
import { makeUser } from "@/db/testing/factories";
import { generatePingToken } from "@/server/services/heartbeats/heartbeat-token";
import { freePort, stop, waitUp } from "@/bench/processes";
import { summarise } from "@/bench/stats";
import { printMemoryReport, type Sample } from "@/bench/memory-report";

const MONITORS = 300;
const HEARTBEATS = 100;
const PAGE_READS_PER_S = 20;
// What the public page shows: a typical page's size, not all 400 subjects.
const PAGE_MONITORS = 20;
const PAGE_HEARTBEATS = 10;
// Reads still waiting beyond this are not added to: a backlog would measure the queue, not Vigil.
const MAX_WAITING_READS = 40;
const SAMPLE_MS = 5_000;
const TARGET_MIB = { pglite: 400, postgres: 250 } as const;

/** The monitors' target: a plain HTTP server on loopback, in a process of its own. */
async function startTarget(): Promise<{ url: string; proc: ChildProcess }> {
  const proc = spawn(
    process.execPath,
    [
      "-e",
      `const s=require("http").createServer((q,r)=>{r.writeHead(200,{"content-type":"text/plain"});r.end("ok")});s.listen(0,"127.0.0.1",()=>console.log(s.address().port))`,
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  const port = await new Promise<string>((resolve) =>
    proc.stdout?.once("data", (d: Buffer) => resolve(d.toString().trim())),
  );
  return { url: `http://127.0.0.1:${port}/health`, proc };
}

async function seed(db: Db, targetUrl: string): Promise<{ tokens: string[]; slug: string }> {
  const { workspace } = await makeUser(db);
  const now = Date.now();
  const ms = await db
    .insert(monitors)
    .values(
      Array.from({ length: MONITORS }, (_, i) => ({
        workspaceId: workspace.id,
        name: `service ${i}`,
        url: targetUrl,
        intervalSecs: 10,
        retryIntervalSecs: 10,
        timeoutSecs: 5,
        nextCheckAt: new Date(now + (i * 10_000) / MONITORS),
      })),
    )
    .returning({ id: monitors.id });
  const tokens = Array.from({ length: HEARTBEATS }, generatePingToken);
  const hs = await db
    .insert(heartbeats)
    .values(
      tokens.map((token, i) => ({
        workspaceId: workspace.id,
        name: `job ${i}`,
        token,
        intervalSecs: 60,
      })),
    )
    .returning({ id: heartbeats.id });
  const slug = `memory-${now.toString(36)}`;
  const [page] = await db
    .insert(statusPages)
    .values({ workspaceId: workspace.id, slug, title: "Memory bench", visibility: "public" })
    .returning({ id: statusPages.id });
  // Every subject of the workspace is on the page unless hidden: all but a typical page's are.
  await db.insert(statusPageItems).values([
    ...ms.slice(PAGE_MONITORS).map((m) => ({
      statusPageId: page!.id,
      subjectKind: "monitor" as const,
      monitorId: m.id,
      hidden: true,
    })),
    ...hs.slice(PAGE_HEARTBEATS).map((h) => ({
      statusPageId: page!.id,
      subjectKind: "heartbeat" as const,
      heartbeatId: h.id,
      hidden: true,
    })),
  ]);
  return { tokens, slug };
}

/** Resident memory of a process (VmRSS), in bytes; 0 once it has gone. */
function rssOf(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return Number(m?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

function childrenOf(pid: number): number[] {
  try {
    return fs
      .readdirSync(`/proc/${pid}/task`)
      .flatMap((t) => fs.readFileSync(`/proc/${pid}/task/${t}/children`, "utf8").split(" "))
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

/** Pings every heartbeat once a second and reads the public page 20 times a second. */
function drive(base: string, tokens: string[], slug: string) {
  // Apart, so that slow page reads never hold up pings behind them (nor the other way round).
  const pingAgent = new http.Agent({ keepAlive: true, maxSockets: 32 });
  const pageAgent = new http.Agent({ keepAlive: true, maxSockets: MAX_WAITING_READS });
  const counts = { pings: 0, pages: 0, failed: 0, skipped: 0 };
  // Failures by what they were, e.g. "ping 503" or "page error".
  const failures = new Map<string, number>();
  const fail = (p: string, why: string | number) => {
    const key = `${p.startsWith("/status/") ? "page" : "ping"} ${why}`;
    failures.set(key, (failures.get(key) ?? 0) + 1);
    counts.failed++;
  };
  let waiting = 0;
  const pageMs: number[] = [];
  const get = (p: string, done: (ms: number) => void) => {
    const t0 = performance.now();
    http
      .get(
        `${base}${p}`,
        {
          agent: p.startsWith("/status/") ? pageAgent : pingAgent,
          headers: { "accept-encoding": "br" },
        },
        (res) => {
          res.resume();
          res.on("end", () => {
            if (p.startsWith("/status/")) waiting--;
            if (res.statusCode === 200) done(performance.now() - t0);
            else fail(p, res.statusCode ?? 0);
          });
        },
      )
      .on("error", () => {
        if (p.startsWith("/status/")) waiting--;
        fail(p, "error");
      });
  };
  const pings = setInterval(() => {
    for (const token of tokens) get(`/ping/${token}`, () => counts.pings++);
  }, 1000);
  const pages = setInterval(() => {
    if (waiting >= MAX_WAITING_READS) return void counts.skipped++;
    waiting++;
    get(`/status/${slug}`, (ms) => {
      counts.pages++;
      pageMs.push(ms);
    });
  }, 1000 / PAGE_READS_PER_S);
  return {
    counts,
    failures,
    pageMs,
    stop: () => {
      clearInterval(pings);
      clearInterval(pages);
      pingAgent.destroy();
      pageAgent.destroy();
    },
  };
}

async function runVigil(
  kind: "pglite" | "postgres",
  minutes: number,
  setup: { dataDir: string; databaseUrl?: string; tokens: string[]; slug: string },
): Promise<void> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const probeFile = path.join(setup.dataDir, "memory-probe.jsonl");
  // As `npm start` runs it (bin/start.mjs), with the probe preloaded; for experiments,
  // MEMORY_NODE_FLAGS adds Node flags and MEMORY_ENTRY runs another entry point instead.
  const vigil = spawn(
    process.execPath,
    [
      ...(process.env.MEMORY_NODE_FLAGS?.split(" ").filter(Boolean) ?? []),
      "-r",
      "./bench/memory-probe.cjs",
      process.env.MEMORY_ENTRY ?? "bin/start.mjs",
    ],
    {
      env: {
        ...Object.fromEntries(
          Object.entries(process.env).filter(
            ([k]) => !/^(DATABASE_URL|VIGIL_|INNGEST_|NEXTAUTH_|NODE_OPTIONS)/.test(k),
          ),
        ),
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        HOST: "127.0.0.1",
        PORT: String(port),
        LOG_LEVEL: "warn",
        VIGIL_DATA_DIR: setup.dataDir,
        VIGIL_ALLOW_PRIVATE_TARGETS: "true",
        VIGIL_MEMORY_PROBE: probeFile,
        VIGIL_MEMORY_PROBE_MS: String(SAMPLE_MS),
        ...(setup.databaseUrl ? { DATABASE_URL: setup.databaseUrl } : {}),
      } as unknown as NodeJS.ProcessEnv,
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  try {
    const pid = vigil.pid ?? 0;
    const t0 = Date.now();
    await waitUp(`${base}/api/health`, 600_000);
    const upAfterS = (Date.now() - t0) / 1000;
    const idleRss = rssOf(pid);
    const load = drive(base, setup.tokens, setup.slug);
    const samples: Sample[] = [];
    const started = Date.now();
    while (Date.now() - started < minutes * 60_000) {
      await new Promise((r) => setTimeout(r, SAMPLE_MS));
      const children = childrenOf(pid).reduce((sum, child) => sum + rssOf(child), 0);
      samples.push({ t: Date.now() - started, rss: rssOf(pid), children });
    }
    load.stop();
    const probes = fs
      .readFileSync(probeFile, "utf8")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const page = summarise(load.pageMs);
    printMemoryReport({
      title:
        `Vigil on ${kind === "pglite" ? "embedded PGlite (the default)" : "PostgreSQL"}, ` +
        `${MONITORS} monitors @10 s, ${HEARTBEATS} heartbeats pinged every second, ` +
        `public page read ${PAGE_READS_PER_S}/s, ${minutes} min`,
      load:
        `up after ${upAfterS.toFixed(0)} s, idle RSS ${(idleRss / 2 ** 20).toFixed(0)} MiB; ` +
        `served ${load.counts.pings} pings (${(load.counts.pings / (minutes * 60)).toFixed(0)}/s), ` +
        `${load.counts.pages} page reads of ${PAGE_MONITORS + PAGE_HEARTBEATS} subjects (p50 ${page.p50.toFixed(0)} ms, p99 ${page.p99.toFixed(0)} ms), ` +
        `${load.counts.failed} failed${load.failures.size ? ` (${[...load.failures].map(([k, n]) => `${n} ${k}`).join(", ")})` : ""}, ${load.counts.skipped} reads skipped (${MAX_WAITING_READS} waiting)`,
      samples,
      probes,
      targetMiB: TARGET_MIB[kind],
    });
  } finally {
    await stop(vigil);
  }
}

/**
 * `npm run bench -- memory [minutes] [pglite|postgres]`: the server's RSS under a steady small
 * load, sampled every 5 s, and what holds it by part (see bench/memory-probe.cjs).
 */
export async function benchMemory(minutes: number, only?: string): Promise<void> {
  if (!fs.existsSync(".next/BUILD_ID")) throw new Error("no build: run `npm run build` first");
  const target = await startTarget();
  try {
    if (only !== "postgres") {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-bench-memory-"));
      try {
        const handle = await openDatabase({
          kind: "pglite",
          dataDir: path.join(dataDir, "pgdata"),
        });
        await handle.migrate();
        const seeded = await seed(handle.db, target.url);
        await handle.close();
        await runVigil("pglite", minutes, { dataDir, ...seeded });
      } finally {
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    }
    if (only !== "pglite") {
      const pg = await createTestDatabase("postgres");
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-bench-memory-"));
      try {
        const seeded = await seed(pg.db, target.url);
        await runVigil("postgres", minutes, { dataDir, databaseUrl: pg.url, ...seeded });
      } finally {
        fs.rmSync(dataDir, { recursive: true, force: true });
        await pg.drop();
      }
    }
  } finally {
    target.proc.kill();
  }
}
