import { spawn, type ChildProcess } from "node:child_process";
import readline from "node:readline";
import type { createVigilClient } from "@/server/http/api-v1/client/vigil-client";
import { summarise } from "@/bench/stats";

const VIEWER_PROCESSES = 4;
const VIEWERS = 1000;
const PACED_ROUNDS = 10;
const HERD_ROUNDS = 5;

type Viewers = { child: ChildProcess; next: () => Promise<string> };
type Round = { received: number[]; fetched: [number, number][]; missing: number };

function viewerProcess(args: string[]): Viewers {
  const child = spawn(process.execPath, ["bench/update-viewers.cjs", ...args], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  const lines: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  readline.createInterface({ input: child.stdout! }).on("line", (line) => {
    const w = waiting.shift();
    if (w) w(line);
    else lines.push(line);
  });
  const next = () =>
    new Promise<string>((resolve, reject) => {
      const line = lines.shift();
      if (line !== undefined) return resolve(line);
      const timer = setTimeout(() => reject(new Error("viewers did not answer in 60 s")), 60_000);
      waiting.push((l) => {
        clearTimeout(timer);
        resolve(l);
      });
    });
  return { child, next };
}

const figures = (samples: number[]) => {
  const r = summarise(samples);
  return `p50 ${r.p50.toFixed(0)} ms  p99 ${r.p99.toFixed(0)} ms  max ${Math.max(...samples).toFixed(0)} ms`;
};

/**
 * Update posted → 1,000 live viewers: an incident update through the REST API, then each viewer
 * gets `status:changed` and fetches view.json as the page does, and must find the update's text.
 * Paced rounds keep the page's random delay before the fetch; herd rounds fetch at once.
 */
export async function benchUpdateToViewers(
  api: ReturnType<typeof createVigilClient>,
  base: string,
  page: { id: string; slug: string },
  incidentId: string,
): Promise<void> {
  const per = String(VIEWERS / VIEWER_PROCESSES);
  const viewers = Array.from({ length: VIEWER_PROCESSES }, () =>
    viewerProcess([base, page.id, page.slug, per]),
  );
  try {
    for (const v of viewers) if ((await v.next()) !== "ready") throw new Error("viewer failed");
    const paced = { post: [] as number[], event: [] as number[], content: [] as number[] };
    const herd = { post: [] as number[], event: [] as number[], content: [] as number[] };
    const fetchOnly: number[] = [];
    let missing = 0;
    for (let i = 0; i < PACED_ROUNDS + HERD_ROUNDS; i++) {
      const jitter = i < PACED_ROUNDS;
      const into = jitter ? paced : herd;
      const text = `Bench update ${i + 1}: a fix is rolling out region by region`;
      for (const v of viewers) v.child.stdin!.write(`${JSON.stringify({ text, jitter })}\n`);
      for (const v of viewers) if ((await v.next()) !== "armed") throw new Error("viewer failed");
      const postedAt = Date.now();
      const res = await api.POST("/incidents/{id}/updates", {
        params: { path: { id: incidentId } },
        body: { status: "monitoring", body: text },
      });
      if (!res.data) throw new Error(`update answered ${res.response.status}`);
      into.post.push(Date.now() - postedAt);
      for (const v of viewers) {
        const r = JSON.parse(await v.next()) as Round;
        missing += r.missing;
        into.event.push(...r.received.map((t) => t - postedAt));
        into.content.push(...r.fetched.map(([, done]) => done - postedAt));
        if (jitter) fetchOnly.push(...r.fetched.map(([start, done]) => done - start));
      }
    }
    console.log(
      `\nUpdate posted → ${VIEWERS} live viewers in ${VIEWER_PROCESSES} processes (REST update on an open incident; ` +
        `each viewer takes status:changed, then fetches view.json and looks for the update's text):`,
    );
    const row = (label: string, samples: number[], target = "") =>
      console.log(`  ${label.padEnd(58)} ${figures(samples)}${target}`);
    row(`POST /incidents/{id}/updates answered (${PACED_ROUNDS + HERD_ROUNDS})`, [
      ...paced.post,
      ...herd.post,
    ]);
    row(
      `posted → status:changed received (${paced.event.length + herd.event.length})`,
      [...paced.event, ...herd.event],
      "   target p99 < 100 ms",
    );
    row(
      `posted → text on screen, page's 250-2,750 ms delay (${paced.content.length})`,
      paced.content,
    );
    row(`  of which the view.json fetch after the delay`, fetchOnly);
    row(
      `posted → text on screen, all fetch at once (${herd.content.length})`,
      herd.content,
      "   target p99 < 100 ms",
    );
    console.log(`  fetches without the update's text: ${missing}`);
  } finally {
    for (const v of viewers) {
      v.child.stdin!.write("exit\n");
      v.child.kill();
    }
  }
}
