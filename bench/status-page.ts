import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type net from "node:net";
import os from "node:os";
import path from "node:path";
import { makeSessionCookie } from "@/db/testing/session-cookie";
import { createTestDatabase } from "@/db/testing/test-database";
import { systemClock } from "@/server/services/context";
import { createApiKey } from "@/server/services/api-keys/create-api-key";
import { createVigilClient } from "@/server/http/api-v1/client/vigil-client";
import { getStatusPageView } from "@/server/services/status-pages/get-status-page-view";
import { withoutKeptDays } from "@/server/services/status-pages/bar-history";
import { seedStatusPage } from "@/bench/status-page-seed";
import { ms, summarise, time } from "@/bench/stats";
import { freePort, load, stop, waitUp, type Load } from "@/bench/processes";
import { benchUpdateToViewers } from "@/bench/status-page-updates";

const VIEWER_PROCESSES = 4;
const VIEWERS = 1000;
const FLIPS = 20;
const WARM_UP = 30;
const TARGET = "   target p99 < 50 ms";

const loadLine = (name: string, r: Load & { cpu: number }, ceiling?: number) =>
  `${name.padEnd(34)} ${r.rps.toFixed(0).padStart(6)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms  CPU ${r.cpu.toFixed(0)}%` +
  `${r.non2xx || r.errors ? `  (${r.non2xx} non-2xx, ${r.errors} errors)` : ""}` +
  `${ceiling ? `  = ${(r.rps / ceiling).toFixed(2)} of the ceiling` : ""}`;

/**
 * `npm run bench -- status-page [seconds]` on PostgreSQL: (1) public page throughput from a load
 * process vs the same bytes from a plain static server; (2) time to truth for 1,000 Socket.IO
 * viewers; (3) uncached render of 50 services + 20 jobs with 90 days of history, incidents with
 * updates and maintenance; (4) an incident update posted → 1,000 viewers with its text.
 */
export async function benchStatusPage(seconds: number): Promise<void> {
  if (!fs.existsSync(".next/BUILD_ID")) throw new Error("no build: run `npm run build` first");
  const target = http.createServer((_q, r) => r.end("ok"));
  await new Promise<void>((resolve) => target.listen(0, "127.0.0.1", resolve));
  const targetUrl = `http://127.0.0.1:${(target.address() as net.AddressInfo).port}/`;
  const pg = await createTestDatabase("postgres");
  const secret = randomBytes(32).toString("base64url");
  let vigil: ChildProcess | null = null;
  try {
    const seeded = await seedStatusPage(pg.db, new Date(), targetUrl);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    vigil = spawn(process.execPath, ["bin/start.mjs"], {
      env: {
        ...Object.fromEntries(
          Object.entries(process.env).filter(
            ([k]) => !/^(DATABASE_URL|VIGIL_|INNGEST_|NEXTAUTH_)/.test(k),
          ),
        ),
        HOST: "127.0.0.1",
        PORT: String(port),
        LOG_LEVEL: "warn",
        DATABASE_URL: pg.url ?? "",
        NEXTAUTH_SECRET: secret,
        VIGIL_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "vigil-bench-sp-")),
        // The seeded monitors check a loopback target.
        VIGIL_ALLOW_PRIVATE_TARGETS: "true",
      } as unknown as NodeJS.ProcessEnv,
      stdio: ["ignore", "ignore", "inherit"],
    });
    // A start whose sources are newer than the build builds first.
    await waitUp(`${base}/api/health`, 600_000);
    const pid = vigil.pid ?? 0;
    const publicPath = `/status/${seeded.publicPage.slug}`;

    // 3. Uncached render: the view alone (with the closed days kept in memory, as after the first
    // render, and cold, as after a restart), and the whole page through Next.
    const { key } = await createApiKey({
      ctx: { db: pg.db, now: systemClock },
      input: { email: seeded.email, name: "bench" },
    });
    const api = createVigilClient(base, key);
    const viewOnce = () =>
      getStatusPageView(pg.db, seeded.publicPage, { now: new Date(), baseUrl: base });
    const viewTimes: number[] = [];
    for (let i = 0; i < 300; i++) viewTimes.push(await time(viewOnce));
    const coldTimes: number[] = [];
    for (let i = 0; i < 100; i++) coldTimes.push(await time(() => withoutKeptDays(viewOnce)));
    const { cookie } = await makeSessionCookie(pg.db, seeded.user.id, secret);
    const previewPath = `/status/${seeded.privatePage.slug}`;
    const first = await fetch(`${base}${previewPath}`, { headers: { cookie } });
    if (first.status !== 200) throw new Error(`private preview answered ${first.status}`);
    const htmlBytes = (await first.arrayBuffer()).byteLength;
    const renderOnce = async () => {
      const res = await fetch(`${base}${previewPath}`, { headers: { cookie } });
      await res.arrayBuffer();
    };
    // The first renders of a process compile its code: timed apart, then the steady state.
    const firstTimes: number[] = [];
    for (let i = 0; i < WARM_UP; i++) firstTimes.push(await time(renderOnce));
    const renderTimes: number[] = [];
    for (let i = 0; i < 300; i++) renderTimes.push(await time(renderOnce));
    // The first visitor after a flip: the flip drops the copy, the visit renders it (ISR). One
    // service (not one of those the time-to-truth run pauses) is paused and resumed in turn.
    const flipping = seeded.monitorIds[seeded.monitorIds.length - 1];
    const missTimes: number[] = [];
    for (let i = 0; i < WARM_UP + 200; i++) {
      const pause = i % 2 === 0;
      const where = { params: { path: { id: flipping ?? "" } } };
      const change = pause
        ? await api.POST("/monitors/{id}/pause", where)
        : await api.POST("/monitors/{id}/resume", where);
      if (!change.data) throw new Error(`pause/resume answered ${change.response.status}`);
      let body = "";
      const took = await time(async () => {
        const res = await fetch(`${base}${publicPath}`, {
          headers: { "accept-encoding": "gzip, deflate, br" },
        });
        body = await res.text();
      });
      if (i >= WARM_UP) missTimes.push(took);
      if (body.includes("under_maintenance") !== pause)
        throw new Error("the visit after a flip got the old page");
    }
    // This machine's speed drifts between runs, so two references are taken right after the
    // renders, to read their figures by: fixed JavaScript work, and Next's floor (one query).
    const view = await viewOnce();
    const cpuBatches: number[] = [];
    for (let batch = 0; batch < 7; batch++)
      cpuBatches.push(
        await time(async () => {
          for (let i = 0; i < 100; i++) JSON.parse(JSON.stringify(view));
        }),
      );
    const cpuCheck = summarise(cpuBatches).p50;
    const healthTimes: number[] = [];
    for (let i = 0; i < 330; i++) {
      const took = await time(async () => void (await (await fetch(`${base}/api/health`)).text()));
      if (i >= WARM_UP) healthTimes.push(took);
    }
    const line = (label: string, samples: number[]) => {
      const r = summarise(samples);
      return `  ${label.padEnd(52)} p50 ${ms(r.p50)}  p95 ${ms(r.p95)}  p99 ${ms(r.p99)}`;
    };
    console.log(
      "Uncached render: 50 services + 20 jobs, 90 days of history (~3,300 flips, ~1,600 incidents), " +
        `${seeded.words.incidents} incidents with ${seeded.words.updates} updates, 2 weekly maintenance windows`,
    );
    console.log(line("view from PostgreSQL, closed days kept (300)", viewTimes) + TARGET);
    console.log(line("view from PostgreSQL, cold, as after a restart (100)", coldTimes));
    console.log(
      line(`whole page, private preview, renders 2-${WARM_UP + 1} after start`, firstTimes),
    );
    console.log(
      line(
        `whole page, private preview, never cached (300, ${(htmlBytes / 1024).toFixed(0)} KiB)`,
        renderTimes,
      ) + TARGET,
    );
    console.log(line("whole public page, first visit after a flip (200)", missTimes));
    console.log(line("reference: /api/health through Next, one query (300)", healthTimes));
    console.log(
      `  reference: 100 JSON round trips of the page's view took ${ms(cpuCheck)} (median of 7)`,
    );

    // 1. Throughput: Vigil's public page vs the same bytes from a static server, as browsers ask
    // (brotli) and without compression.
    const html = Buffer.from(await (await fetch(`${base}${publicPath}`)).arrayBuffer());
    const brotli = await new Promise<Buffer>((resolve) =>
      http.get(`${base}${publicPath}`, { headers: { "accept-encoding": "br" } }, (res) => {
        const chunks: Buffer[] = [];
        res
          .on("data", (c: Buffer) => chunks.push(c))
          .on("end", () => resolve(Buffer.concat(chunks)));
      }),
    );
    const file = path.join(os.tmpdir(), `vigil-sp-${process.pid}.html`);
    fs.writeFileSync(file, html);
    fs.writeFileSync(`${file}.br`, brotli);
    const barePort = await freePort();
    const bare = spawn(process.execPath, [
      "-e",
      `const fs=require("fs");const b=fs.readFileSync(${JSON.stringify(file)}),z=fs.readFileSync(${JSON.stringify(`${file}.br`)});` +
        `require("http").createServer((q,r)=>{const br=/br/.test(q.headers["accept-encoding"]||"");const x=br?z:b;` +
        `r.writeHead(200,{"content-type":"text/html; charset=utf-8","content-length":x.length,...(br?{"content-encoding":"br"}:{})});r.end(x)}).listen(${barePort},"127.0.0.1")`,
    ]);
    await waitUp(`http://127.0.0.1:${barePort}/`);
    console.log(
      `\nPublic page throughput, 64 connections, ${seconds} s each (page ${(html.length / 1024).toFixed(0)} KiB, ${(brotli.length / 1024).toFixed(0)} KiB with brotli):`,
    );
    for (const [label, headers] of [
      ["brotli (as browsers ask)", { "accept-encoding": "gzip, deflate, br" }],
      ["uncompressed", {}],
    ] as const) {
      const ceiling = await load(
        `http://127.0.0.1:${barePort}`,
        [publicPath],
        seconds,
        bare.pid ?? 0,
        headers,
      );
      const served = await load(base, [publicPath], seconds, pid, headers);
      console.log(loadLine(`static file, ${label}`, ceiling));
      console.log(loadLine(`Vigil, ${label}`, served, ceiling.rps));
    }
    await stop(bare);

    // 2. Time to truth: viewers in separate processes, flips through the REST API.
    const viewers = Array.from({ length: VIEWER_PROCESSES }, () =>
      spawn(
        process.execPath,
        [
          "bench/status-viewers.cjs",
          base,
          seeded.publicPage.id,
          String(VIEWERS / VIEWER_PROCESSES),
          String(FLIPS),
        ],
        { stdio: ["ignore", "pipe", "inherit"] },
      ),
    );
    const outputs = viewers.map((child) => {
      let out = "";
      child.stdout?.on("data", (d: Buffer) => (out += d.toString()));
      const exited = new Promise((res) => child.once("exit", res));
      return { child, exited, read: () => out };
    });
    const readyBy = Date.now() + 60_000;
    for (const o of outputs)
      while (!o.read().includes("ready")) {
        if (Date.now() > readyBy || o.child.exitCode !== null) {
          viewers.forEach((v) => v.kill());
          throw new Error("viewers did not all join within 60 s");
        }
        await new Promise((res) => setTimeout(res, 50));
      }
    for (let i = 0; i < FLIPS; i++) {
      const paused = await api.POST("/monitors/{id}/pause", {
        params: { path: { id: seeded.monitorIds[i] ?? "" } },
      });
      if (!paused.data) throw new Error(`pause answered ${paused.response.status}`);
      await new Promise((res2) => setTimeout(res2, 300));
    }
    await Promise.all(outputs.map((o) => o.exited));
    const latencies = outputs.flatMap(
      (o) => JSON.parse(o.read().split("\n")[1] ?? "[]") as number[],
    );
    const t = summarise(latencies);
    console.log(
      `\nTime to truth: ${VIEWERS} viewers in ${VIEWER_PROCESSES} processes, ${FLIPS} flips: ` +
        `${latencies.length}/${VIEWERS * FLIPS} received, flip time → receipt p50 ${t.p50} ms  p99 ${t.p99} ms  max ${Math.max(...latencies)} ms`,
    );
    await benchUpdateToViewers(api, base, seeded.publicPage, seeded.words.openIncidentId);
  } finally {
    if (vigil) await stop(vigil);
    target.close();
    await pg.drop();
  }
}
