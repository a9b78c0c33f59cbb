import { spawn, type ChildProcess } from "node:child_process";
import pino from "pino";
import { and, eq } from "drizzle-orm";
import { monitors, subjectChannels } from "@/db/schema";
import { createTestDatabase } from "@/db/testing/test-database";
import { openDatabase } from "@/db/client";
import { makeUser } from "@/db/testing/factories";
import { getEventBus } from "@/server/events/bus";
import { AlertDispatcher } from "@/server/jobs/alert-dispatcher";
import { createChannel } from "@/server/services/alerts/create-channel";
import { recordMonitorFlip } from "@/server/services/monitors/record-monitor-flip";
import { systemClock } from "@/server/services/context";
import { summarise } from "@/bench/stats";
import { withPolicy } from "@/db/testing/make-monitor";

/** A webhook receiver in a process of its own: prints "<X-Vigil-Delivery> <receipt ms>" per request. */
async function startReceiver(): Promise<{ url: string; proc: ChildProcess; lines: string[] }> {
  const proc = spawn(
    process.execPath,
    [
      "-e",
      `const {performance:p}=require("perf_hooks");const s=require("http").createServer((q,r)=>{q.resume();q.on("end",()=>{process.stdout.write(q.headers["x-vigil-delivery"]+" "+(p.timeOrigin+p.now())+"\\n");r.writeHead(200);r.end("ok")})});s.listen(0,"127.0.0.1",()=>console.log("port "+s.address().port))`,
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  const lines: string[] = [];
  let buffer = "";
  const port = await new Promise<string>((resolve) =>
    proc.stdout?.on("data", (d: Buffer) => {
      buffer += d.toString();
      const parts = buffer.split("\n");
      buffer = parts.pop() ?? "";
      for (const line of parts)
        if (line.startsWith("port ")) resolve(line.slice(5));
        else lines.push(line);
    }),
  );
  return { url: `http://127.0.0.1:${port}`, proc, lines };
}

const now = () => performance.timeOrigin + performance.now();

/**
 * `subjects` monitors with two webhook channels each on PostgreSQL: every monitor flips up → down
 * once (the real flip + outbox transaction), the embedded dispatcher delivers. Prints commit →
 * receipt latency, deliveries/s and duplicates.
 */
export async function benchAlerts(subjects = 1000): Promise<void> {
  const database = await createTestDatabase("postgres");
  // The pool a Vigil node opens (10 connections), not the small one of a test database.
  const node = await openDatabase({ kind: "postgres", url: database.url ?? "" });
  const receiver = await startReceiver();
  const dispatcher = new AlertDispatcher({
    db: node.db,
    now: systemClock,
    logger: pino({ level: "warn" }),
    alerts: {
      privateTargets: "all",
      allowPrivateTargets: true,
      timeoutMs: 10_000,
      smtp: undefined,
      baseUrl: "http://localhost",
    },
  });
  try {
    const { user, workspace } = await makeUser(database.db);
    const ctx = {
      db: database.db,
      now: systemClock,
      actor: { userId: user.id },
      workspaceId: workspace.id,
    };
    const guard = { privateTargets: "all" } as const;
    const channels = await Promise.all(
      ["a", "b"].map(
        async (name) =>
          (
            await createChannel({
              ctx: withPolicy(ctx, guard),
              input: {
                name,
                kind: "webhook",
                url: `${receiver.url}/${name}`,
                enabled: true,
                isDefault: true,
              },
            })
          ).channel,
      ),
    );
    const rows = await database.db
      .insert(monitors)
      .values(
        Array.from({ length: subjects }, (_, i) => ({
          workspaceId: workspace.id,
          name: `bench ${i}`,
          url: "http://127.0.0.1:9/",
          status: "up" as const,
          nextCheckAt: new Date(Date.now() + 86_400_000),
        })),
      )
      .returning({ id: monitors.id, workspaceId: monitors.workspaceId });
    await database.db.insert(subjectChannels).values(
      rows.flatMap((m) =>
        channels.map((c) => ({
          workspaceId: workspace.id,
          channelId: c.id,
          subjectId: m.id,
          monitorId: m.id,
        })),
      ),
    );
    dispatcher.start();

    const committedAt = new Map<string, number>();
    const started = now();
    let next = 0;
    const flipOne = async () => {
      for (let i = next++; i < rows.length; i = next++) {
        const m = rows[i];
        if (!m) return;
        const event = await node.db.transaction(async (tx) => {
          await tx
            .update(monitors)
            .set({ status: "down", statusChangedAt: new Date() })
            .where(and(eq(monitors.id, m.id), eq(monitors.status, "up")));
          return recordMonitorFlip(tx, m, { from: "up", to: "down", at: new Date() }, "bench");
        });
        committedAt.set(event.flipId, now());
        getEventBus().emit("flip", event);
      }
    };
    await Promise.all(Array.from({ length: 8 }, flipOne));
    const flipsDone = now();
    const wanted = subjects * channels.length;
    const deadline = Date.now() + 300_000;
    while (receiver.lines.length < wanted && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    const lastReceipt = Math.max(...receiver.lines.map((l) => Number(l.split(" ")[1])));
    await new Promise((r) => setTimeout(r, 3000)); // stragglers would be duplicates
    await dispatcher.stop();

    const keys = receiver.lines.map((l) => l.split(" ")[0] ?? "");
    const latencies = receiver.lines.map((l) => {
      const [key, at] = l.split(" ");
      return Number(at) - (committedAt.get(key?.split(".")[0] ?? "") ?? Number.NaN);
    });
    const s = summarise(latencies.filter((x) => Number.isFinite(x)));
    console.log(
      `alerts: ${subjects} flips × ${channels.length} webhook channels on PostgreSQL, embedded dispatcher`,
    );
    console.log(`  flips committed in ${((flipsDone - started) / 1000).toFixed(2)} s`);
    console.log(
      `  received ${keys.length} of ${wanted}; duplicates ${keys.length - new Set(keys).size}`,
    );
    console.log(
      `  commit → receipt: p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms`,
    );
    console.log(
      `  deliveries/s: ${(keys.length / ((lastReceipt - started) / 1000)).toFixed(0)} (first commit → last receipt)`,
    );
  } finally {
    await dispatcher.stop();
    receiver.proc.kill();
    await node.close();
    await database.drop();
  }
}
