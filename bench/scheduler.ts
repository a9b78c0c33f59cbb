import { spawn, type ChildProcess } from "node:child_process";
import pino from "pino";
import type { Db } from "@/db/client";
import { sql } from "drizzle-orm";
import { monitors } from "@/db/schema";
import { createTestDatabase } from "@/db/testing/test-database";
import { makeUser } from "@/db/testing/factories";
import { rowsOf } from "@/db/rows-of";
import { EmbeddedScheduler } from "@/server/jobs/embedded-scheduler";
import { systemClock } from "@/server/services/context";
import { summarise } from "@/bench/stats";

/** A target in a process of its own, so its CPU is not counted as Vigil's. */
async function startTarget(): Promise<{ url: string; proc: ChildProcess }> {
  const proc = spawn(
    process.execPath,
    [
      "-e",
      `const s=require("http").createServer((q,r)=>{r.writeHead(200,{"content-type":"text/plain"});r.end("ok")});s.keepAliveTimeout=1000;s.listen(0,"127.0.0.1",()=>console.log(s.address().port))`,
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  const port = await new Promise<string>((resolve) =>
    proc.stdout?.once("data", (d: Buffer) => resolve(d.toString().trim())),
  );
  return { url: `http://127.0.0.1:${port}/health`, proc };
}

async function writesSoFar(db: Db): Promise<number> {
  const [row] = rowsOf<{ n: string }>(
    await db.execute(
      sql`select coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0)::bigint as n from pg_stat_user_tables`,
    ),
  );
  return Number(row?.n ?? 0);
}

/**
 * N monitors at a 60 s interval against a local target on PostgreSQL, driven by the embedded
 * scheduler for `seconds`: checks/s, lateness against the due time, CPU, RSS, rows written per check.
 */
export async function benchScheduler(count: number, seconds: number): Promise<void> {
  const database = await createTestDatabase("postgres");
  const target = await startTarget();
  try {
    const { user, workspace } = await makeUser(database.db);
    void user;
    const start = Date.now() + 5_000;
    for (let i = 0; i < count; i += 5_000) {
      await database.db.insert(monitors).values(
        Array.from({ length: Math.min(5_000, count - i) }, (_, j) => ({
          workspaceId: workspace.id,
          name: `bench ${i + j}`,
          url: target.url,
          timeoutSecs: 10,
          intervalSecs: 60,
          retryIntervalSecs: 20,
          // Spread evenly over the first minute, as a long-running instance would be.
          nextCheckAt: new Date(start + ((i + j) * 60_000) / count),
        })),
      );
    }
    await database.db.execute(sql`analyze`);
    const scheduler = new EmbeddedScheduler({
      db: database.db,
      now: systemClock,
      logger: pino({ level: "warn" }),
      options: { privateTargets: "all" },
      concurrency: 200,
    });
    const writes0 = await writesSoFar(database.db);
    const cpu0 = process.cpuUsage();
    const wall0 = performance.now();
    let peakRss = 0;
    const sampler = setInterval(
      () => (peakRss = Math.max(peakRss, process.memoryUsage().rss)),
      1000,
    );
    scheduler.start();
    await new Promise((r) => setTimeout(r, 5_000 + seconds * 1000));
    await scheduler.stop();
    clearInterval(sampler);
    const wallS = (performance.now() - wall0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const checks = scheduler.stats.started;
    const writes = (await writesSoFar(database.db)) - writes0;
    const late = summarise(scheduler.stats.latenessMs.map((ms) => Math.max(0, ms)));
    console.log(
      `scheduler, ${count.toLocaleString("en")} monitors @60 s on PostgreSQL, ${seconds} s: ` +
        `${(checks / (wallS - 5)).toFixed(0)} checks/s (expected ${(count / 60).toFixed(0)}), ` +
        `lateness p50 ${late.p50.toFixed(0)} ms p99 ${late.p99.toFixed(0)} ms, ` +
        `CPU ${(((cpu.user + cpu.system) / 1e6 / wallS) * 100).toFixed(0)}% of one core, ` +
        `peak RSS ${(peakRss / 1048576).toFixed(0)} MiB, ${(writes / Math.max(1, checks)).toFixed(2)} rows written per check`,
    );
  } finally {
    target.proc.kill();
    await database.drop();
  }
}
