import { benchColdStart } from "@/bench/cold-start";
import { benchPasswordHash } from "@/bench/password-hash";
import { benchWorkspaceCurrent } from "@/bench/trpc-workspace";
import { benchScheduler } from "@/bench/scheduler";
import { benchPings } from "@/bench/pings";
import { benchStatusPage } from "@/bench/status-page";
import { benchAlerts } from "@/bench/alerts";
import { benchFairness } from "@/bench/fairness";
import { benchDbOutage } from "@/bench/db-outage";
import { benchMemory } from "@/bench/memory";

// Figures only, never assertions: compare runs on the same machine.
// `npm run bench` runs the quick ones; `npm run bench -- scheduler|pings|status-page [seconds]` the load tests;
// `npm run bench -- alerts [subjects]` the alert fan-out; `npm run bench -- fairness [seconds]` how
// late one workspace's checks run beside another's hanging targets; `npm run bench -- db-outage
// [seconds]` how pings and /api/health answer while PostgreSQL is unreachable, and after;
// `npm run bench -- memory [minutes] [pglite|postgres]` the server's RSS, and by part, under load.
const [suite, arg, variant] = process.argv.slice(2);
console.log(`Vigil benchmarks — node ${process.version}, ${new Date().toISOString()}\n`);
if (suite === "scheduler") {
  const seconds = Number(arg ?? 180);
  await benchScheduler(10_000, seconds);
  await benchScheduler(50_000, seconds);
} else if (suite === "fairness") {
  await benchFairness(Number(arg ?? 180));
} else if (suite === "status-page") {
  await benchStatusPage(Number(arg ?? 15));
} else if (suite === "alerts") {
  await benchAlerts(Number(arg ?? 1000));
} else if (suite === "db-outage") {
  await benchDbOutage(Number(arg ?? 15));
} else if (suite === "memory") {
  await benchMemory(Number(arg ?? 3), variant);
} else if (suite === "pings") {
  await benchPings(Number(arg ?? 20));
} else {
  await benchPasswordHash();
  await benchWorkspaceCurrent("pglite");
  await benchWorkspaceCurrent("postgres");
  await benchColdStart();
}
