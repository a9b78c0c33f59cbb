import { spawn, type ChildProcess } from "node:child_process";
import pino from "pino";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { monitors } from "@/db/schema";
import { createTestDatabase } from "@/db/testing/test-database";
import { makeUser } from "@/db/testing/factories";
import { EmbeddedScheduler } from "@/server/jobs/embedded-scheduler";
import { systemClock } from "@/server/services/context";
import { summarise } from "@/bench/stats";

const NOISY = 500;
const QUIET = 50;

/**
 * Two targets in a process of their own: a healthy HTTP server, and a TCP server that accepts
 * every connection and never answers (a hung backend).
 */
async function startTargets(): Promise<{ healthy: string; silent: string; proc: ChildProcess }> {
  const proc = spawn(
    process.execPath,
    [
      "-e",
      `const http=require("http"),net=require("net");
       const h=http.createServer((q,r)=>{r.writeHead(200,{"content-type":"text/plain"});r.end("ok")});h.keepAliveTimeout=1000;
       const s=net.createServer((c)=>c.on("error",()=>{}));
       h.listen(0,"127.0.0.1",()=>s.listen(0,"127.0.0.1",()=>console.log(h.address().port+" "+s.address().port)))`,
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  const [healthy, silent] = await new Promise<string[]>((resolve) =>
    proc.stdout?.once("data", (d: Buffer) => resolve(d.toString().trim().split(" "))),
  );
  return {
    healthy: `http://127.0.0.1:${healthy}/health`,
    silent: `http://127.0.0.1:${silent}/hangs`,
    proc,
  };
}

async function addMonitors(
  db: Db,
  workspaceId: string,
  count: number,
  url: string,
  settings: { intervalSecs: number; retryIntervalSecs: number; timeoutSecs: number },
) {
  const start = Date.now() + 2_000;
  await db.insert(monitors).values(
    Array.from({ length: count }, (_, i) => ({
      workspaceId,
      name: `bench ${i}`,
      url,
      ...settings,
      // Spread over the first interval, as a long-running instance would be.
      nextCheckAt: new Date(start + (i * settings.intervalSecs * 1000) / count),
    })),
  );
}

/** Runs the embedded scheduler for `seconds` and reports the quiet workspace's lateness. */
async function measure(
  db: Db,
  quietWorkspaceId: string,
  seconds: number,
  label: string,
  perWorkspace?: number,
) {
  const lateness: number[] = [];
  let others = 0;
  const scheduler = new EmbeddedScheduler({
    db,
    now: systemClock,
    logger: pino({ level: "warn" }),
    options: { privateTargets: "all" },
    concurrency: 200,
    perWorkspace,
    onCheckStarted: (monitor, ms) => {
      if (monitor.workspaceId === quietWorkspaceId) lateness.push(Math.max(0, ms));
      else others++;
    },
  });
  scheduler.start();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  await scheduler.stop();
  const s = summarise(lateness);
  console.log(
    `fairness, ${label}, ${seconds} s: B's ${QUIET} monitors @10 s ran ${lateness.length} checks ` +
      `(expected ~${Math.round((QUIET * seconds) / 10)}), lateness p50 ${s.p50.toFixed(0)} ms ` +
      `p99 ${s.p99.toFixed(0)} ms max ${Math.max(0, ...lateness).toFixed(0)} ms; ` +
      `A's checks started: ${others}`,
  );
}

/**
 * Workspace A: 500 monitors at a target that accepts and never answers (10 s timeout); workspace B:
 * 50 healthy monitors at 10 s. B's lateness (check start minus due time) with A, against B alone
 * in the same run, and with A but without the per-workspace cap (every workspace may take all slots).
 */
export async function benchFairness(seconds: number): Promise<void> {
  const database = await createTestDatabase("postgres");
  const targets = await startTargets();
  try {
    const a = await makeUser(database.db);
    const b = await makeUser(database.db);
    await addMonitors(database.db, b.workspace.id, QUIET, targets.healthy, {
      intervalSecs: 10,
      retryIntervalSecs: 10,
      timeoutSecs: 5,
    });
    await measure(database.db, b.workspace.id, seconds, "reference: B alone");

    await addMonitors(database.db, a.workspace.id, NOISY, targets.silent, {
      intervalSecs: 30,
      retryIntervalSecs: 15,
      timeoutSecs: 10,
    });
    await database.db.execute(sql`analyze`);
    await measure(database.db, b.workspace.id, seconds, "B beside A's 500 hanging monitors");
    await measure(
      database.db,
      b.workspace.id,
      seconds,
      "B beside A, without the per-workspace cap",
      200,
    );
    await database.db.delete(monitors).where(eq(monitors.workspaceId, a.workspace.id));
  } finally {
    targets.proc.kill();
    await database.drop();
  }
}
