// Preloaded into the Vigil server by `npm run bench -- memory` (node --require), never in
// production: every VIGIL_MEMORY_PROBE_MS it appends one JSON line to VIGIL_MEMORY_PROBE with
// what the process holds, by part, as far as it can be measured from inside without changing
// Vigil:
// - process.memoryUsage(), v8.getHeapSpaceStatistics() (the V8 heap, by space) and
//   v8.getHeapCodeStatistics() (code, bytecode and script sources);
// - the WebAssembly linear memories created in the process (PGlite's Postgres runs in one), found
//   by wrapping WebAssembly.Memory / Instance / instantiate before anything loads;
// - Socket.IO's connected clients (Engine.IO's count), found by wrapping Server.prototype.bind;
// - the modules loaded through require(), by part (count and source bytes): a proxy for the
//   compiled code they keep, which V8 does not attribute to a module.
/* global WebAssembly, setInterval */
const fs = require("node:fs");
const path = require("node:path");
const v8 = require("node:v8");
const Module = require("node:module");

// Node also runs preloads in the thread of tsx's loader hooks: only the main thread reports.
const out = require("node:worker_threads").isMainThread
  ? process.env.VIGIL_MEMORY_PROBE
  : undefined;
const every = Number(process.env.VIGIL_MEMORY_PROBE_MS ?? 5000);
const memories = new Set();
const OriginalMemory = WebAssembly.Memory;

function keepMemoriesOf(instance) {
  for (const value of Object.values(instance?.exports ?? {}))
    if (value instanceof OriginalMemory) memories.add(new WeakRef(value));
}
WebAssembly.Memory = new Proxy(OriginalMemory, {
  construct(target, args, newTarget) {
    const memory = Reflect.construct(target, args, newTarget);
    memories.add(new WeakRef(memory));
    return memory;
  },
});
WebAssembly.Instance = new Proxy(WebAssembly.Instance, {
  construct(target, args, newTarget) {
    const instance = Reflect.construct(target, args, newTarget);
    keepMemoriesOf(instance);
    return instance;
  },
});
for (const name of ["instantiate", "instantiateStreaming"]) {
  const original = WebAssembly[name];
  WebAssembly[name] = async function (...args) {
    const result = await original.apply(this, args);
    keepMemoriesOf(result.instance ?? result);
    return result;
  };
}

let engine = null;
try {
  const { Server } = Module.createRequire(path.join(process.cwd(), "package.json"))("socket.io");
  const bind = Server.prototype.bind;
  Server.prototype.bind = function (...args) {
    engine = args[0];
    return bind.apply(this, args);
  };
} catch {
  /* no Socket.IO: reported as null */
}

const PARTS = [
  // Native addons are mapped, not read: their size is the file's, of which only pages used are resident.
  ["native addons (file size)", /\.node$/],
  ["next", /\/(\.next|node_modules\/(next|@next|react|react-dom|scheduler|styled-jsx))\//],
  ["pglite", /\/node_modules\/@electric-sql\//],
  ["socket.io", /\/node_modules\/(socket\.io|engine\.io|ws|@socket\.io)[^/]*\//],
  ["tsx/esbuild", /\/node_modules\/(tsx|esbuild|get-tsconfig)\//],
  ["other packages", /\/node_modules\//],
  ["vigil", /./],
];
const sizes = new Map();
function modulesByPart() {
  const parts = Object.fromEntries(PARTS.map(([name]) => [name, { count: 0, bytes: 0 }]));
  for (const file of Object.keys(Module._cache)) {
    const [name] = PARTS.find(([, re]) => re.test(file));
    if (!sizes.has(file)) {
      try {
        sizes.set(file, fs.statSync(file).size);
      } catch {
        sizes.set(file, 0);
      }
    }
    parts[name].count++;
    parts[name].bytes += sizes.get(file);
  }
  return parts;
}

// Each WebAssembly memory is one anonymous mapping of exactly its size; of that mapping only the
// pages Postgres has touched are resident: that (not the size) is the WASM share of RSS. A memory
// whose mapping is not found (merged with a neighbour) is counted as null.
function residentOf(sizes) {
  const mappings = [];
  let current = null;
  for (const line of fs.readFileSync("/proc/self/smaps", "utf8").split("\n")) {
    const range = /^([0-9a-f]+)-([0-9a-f]+) rw-p 00000000 00:00 0\s*$/.exec(line);
    if (range) mappings.push((current = { size: parseInt(range[2], 16) - parseInt(range[1], 16) }));
    else if (/^[0-9a-f]+-[0-9a-f]+ /.test(line)) current = null;
    else if (current && line.startsWith("Rss:")) current.rss = Number(line.split(/\s+/)[1]) * 1024;
  }
  return sizes.map((size) => {
    const i = mappings.findIndex((m) => m.size === size);
    return i < 0 ? null : mappings.splice(i, 1)[0].rss;
  });
}

function sample() {
  const wasm = [];
  for (const ref of memories) {
    const memory = ref.deref();
    if (!memory) memories.delete(ref);
    else wasm.push(memory.buffer.byteLength);
  }
  const spaces = Object.fromEntries(
    v8.getHeapSpaceStatistics().map((s) => [s.space_name, s.space_used_size]),
  );
  return {
    t: Date.now(),
    memory: process.memoryUsage(),
    spaces,
    // Compiled code and bytecode, and script sources held outside the heap, across all modules.
    code: v8.getHeapCodeStatistics(),
    wasm: { sizes: wasm, resident: residentOf(wasm) },
    socketio: engine ? { clients: engine.clientsCount } : null,
    modules: modulesByPart(),
  };
}

if (out) {
  const timer = setInterval(() => fs.appendFileSync(out, `${JSON.stringify(sample())}\n`), every);
  timer.unref();
}
