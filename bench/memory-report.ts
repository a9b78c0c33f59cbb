import { summarise } from "@/bench/stats";

/** One RSS sample of the server (and of its child processes), `t` ms after the load began. */
export type Sample = { t: number; rss: number; children: number };

type Probe = {
  memory?: { rss: number; heapTotal: number; heapUsed: number; arrayBuffers: number };
  spaces?: Record<string, number>;
  code?: {
    code_and_metadata_size: number;
    bytecode_and_metadata_size: number;
    external_script_source_size: number;
  };
  wasm?: { sizes: number[]; resident: (number | null)[] };
  socketio?: { clients: number } | null;
  modules?: Record<string, { count: number; bytes: number }>;
};

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

/** Least-squares slope of RSS over time, in MiB per minute: about 0 when memory is flat. */
function slope(samples: Sample[]): number {
  const n = samples.length;
  if (n < 2) return 0;
  const xs = samples.map((s) => s.t / 60_000);
  const ys = samples.map((s) => s.rss / 2 ** 20);
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (xs[i]! - mx) * (ys[i]! - my);
    den += (xs[i]! - mx) ** 2;
  }
  return den ? num / den : 0;
}

/** RSS over the run beside the target, then what the last probe found the memory to be made of. */
export function printMemoryReport(r: {
  title: string;
  load: string;
  samples: Sample[];
  probes: Record<string, unknown>[];
  targetMiB: number;
}): void {
  const { samples } = r;
  const rss = summarise(samples.map((s) => s.rss));
  const max = Math.max(...samples.map((s) => s.rss));
  const first = samples[0]?.rss ?? 0;
  const last = samples[samples.length - 1]?.rss ?? 0;
  const verdict = (bytes: number) =>
    bytes / 2 ** 20 < r.targetMiB ? "under the target" : "OVER the target";
  console.log(`\n${r.title}`);
  console.log(`  ${r.load}`);
  console.log(
    `  server RSS: start ${mib(first)}  p50 ${mib(rss.p50)}  max ${mib(max)}  end ${mib(last)}` +
      `  (target < ${r.targetMiB} MiB: max is ${verdict(max)})`,
  );
  const half = samples.slice(Math.floor(samples.length / 2));
  console.log(
    `  slope ${slope(samples).toFixed(2)} MiB/min over the run, ${slope(half).toFixed(2)} MiB/min over its second half` +
      ` (${samples.length} samples every ${((samples[1]?.t ?? 0) - (samples[0]?.t ?? 0)) / 1000} s)`,
  );
  console.log(
    `  child processes (tsx's esbuild service): ${mib(samples[samples.length - 1]?.children ?? 0)} more`,
  );
  const p = (r.probes[r.probes.length - 1] ?? {}) as Probe;
  if (!p.memory) return console.log("  (no probe report: was bench/memory-probe.cjs preloaded?)");
  const m = p.memory;
  const wasmSize = (p.wasm?.sizes ?? []).reduce((a, b) => a + b, 0);
  const wasmResident = (p.wasm?.resident ?? []).reduce<number>((a, b) => a + (b ?? 0), 0);
  const unmatched = (p.wasm?.resident ?? []).filter((b) => b === null).length;
  const rest = m.rss - m.heapTotal - wasmResident - m.arrayBuffers;
  const space = (name: string) => mib(p.spaces?.[name] ?? 0);
  console.log(`  by part, at the last probe (RSS ${mib(m.rss)}):`);
  console.log(
    `    V8 heap (all JavaScript: Next, React, the server, Socket.IO, drivers): ${mib(m.heapTotal)} committed, ${mib(m.heapUsed)} used` +
      ` — old ${space("old_space")}, new ${space("new_space")}, code ${space("code_space")}, large objects ${space("large_object_space")}`,
  );
  if (p.code)
    console.log(
      `      of which compiled code ${mib(p.code.code_and_metadata_size)}, bytecode ${mib(p.code.bytecode_and_metadata_size)};` +
        ` script sources held outside the heap ${mib(p.code.external_script_source_size)}`,
    );
  console.log(
    `    PGlite (Postgres in WebAssembly): ${mib(wasmResident)} resident of ${mib(wasmSize)} linear memory` +
      ` in ${p.wasm?.sizes.length ?? 0} WebAssembly memories${unmatched ? ` (${unmatched} not matched to a mapping)` : ""}`,
  );
  console.log(`    Buffers and ArrayBuffers outside the heap: ${mib(m.arrayBuffers)}`);
  console.log(
    `    the rest (Node and V8 themselves, compiled code, native modules, allocator slack): ${mib(rest)}`,
  );
  console.log(
    `    Socket.IO: ${p.socketio ? `${p.socketio.clients} clients connected` : "not found"}`,
  );
  const modules = Object.entries(p.modules ?? {})
    .map(([name, x]) => `${name} ${x.count} (${mib(x.bytes)})`)
    .join(", ");
  console.log(`    CommonJS modules loaded, by part (count, source size): ${modules}`);
}
