import { benchColdStart } from "@/bench/cold-start";
import { benchPasswordHash } from "@/bench/password-hash";
import { benchWorkspaceCurrent } from "@/bench/trpc-workspace";

// Figures only, never assertions: compare runs on the same machine.
console.log(`Vigil benchmarks — node ${process.version}, ${new Date().toISOString()}\n`);
await benchPasswordHash();
await benchWorkspaceCurrent("pglite");
await benchWorkspaceCurrent("postgres");
await benchColdStart();
