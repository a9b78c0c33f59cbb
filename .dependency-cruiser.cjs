// The layers of STYLE.md, checked by `npm run lint` (`depcruise`). Imports point down only:
//   app/ (routes)            → anything below but db/
//   components/ (UI)         → server/domain; types only from services, trpc, realtime
//   server/main.ts, startup/ → the composition root: wires everything below
//   adapters: server/{trpc,http,jobs,realtime,cli}, not one another
//   adapter support: server/{auth,bootstrap,control}, server/runtime.ts (control: the operator
//     commands, run by the CLI directly or through the running server's control channel)
//   server/services          → strategies, platform, db, domain
//   strategies: server/alerts (→ checks), server/checks
//   platform: server/config.ts, server/log.ts, server/events/
//   db/                      → server/domain only
//   server/domain            → nothing outside itself (npm bans are in eslint.config.mjs)
// Test code (*.test.ts, e2e/, bench/, testing/, db/testing/) may import anything; production
// code may import no test code. No cycles anywhere, type-only imports included.

const TEST = "(\\.test\\.tsx?$|^e2e/|^bench/|^testing/|^db/testing/)";
const ADAPTERS = "^server/(trpc|http|jobs|realtime|cli)/";
const ROOT = "^server/(main\\.ts$|startup/)";
const SUPPORT = "(^server/(auth|bootstrap|control)/|^server/runtime\\.ts$)";
const ABOVE_SERVICES = `(^app/|^components/|${ROOT}|${ADAPTERS}|${SUPPORT})`;
const ABOVE_STRATEGIES = `(${ABOVE_SERVICES}|^server/services/)`;
const ABOVE_PLATFORM = `(${ABOVE_STRATEGIES}|^server/(alerts|checks)/)`;

/** A forbidden import from production code matching `from` to anything matching `to`. */
const layer = (name, comment, from, to, extra = {}) => ({
  name,
  comment,
  severity: "error",
  from: { path: from, pathNot: [TEST, ...(extra.fromNot ?? [])] },
  to: {
    path: to,
    pathNot: extra.toNot ?? [],
    ...(extra.typesAllowed ? { dependencyTypesNot: ["type-only"] } : {}),
  },
});

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment: "No import cycles, type-only ones included.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    layer(
      "production-imports-no-test-code",
      "Test helpers live with the tests (testing/, db/testing/); production code never imports them.",
      "^(app|components|server|db|bin)/",
      TEST,
    ),
    layer(
      "domain-is-pure",
      "server/domain imports only server/domain.",
      "^server/domain/",
      "^(app|components|server|db|testing)/",
      { toNot: ["^server/domain/"] },
    ),
    layer(
      "db-below-services",
      "db/ may use domain constants, nothing else of ours.",
      "^db/",
      "^(app|components|server)/",
      { toNot: ["^server/domain/"] },
    ),
    layer(
      "platform-below-strategies",
      "config, log and the event bus sit under every module that uses them.",
      "^server/(config\\.ts$|log\\.ts$|events/)",
      ABOVE_PLATFORM,
    ),
    layer(
      "checks-below-alerts",
      "Check strategies know nothing of alert channels.",
      "^server/checks/",
      "^server/alerts/",
    ),
    layer(
      "strategies-below-services",
      "Check and channel strategies are called by services, never the other way round.",
      "^server/(alerts|checks)/",
      ABOVE_STRATEGIES,
    ),
    layer(
      "services-below-adapters",
      "Services take ({ ctx, input }); they never reach up to an adapter, the runtime or the UI.",
      "^server/services/",
      ABOVE_SERVICES,
    ),
    layer(
      "adapter-support-below-adapters",
      "auth, bootstrap, the operator commands and the runtime holder import no adapter.",
      SUPPORT,
      `(^app/|^components/|${ROOT}|${ADAPTERS})`,
    ),
    layer(
      "adapters-not-sideways",
      "An adapter (trpc, http, jobs, realtime, cli) imports no other adapter.",
      ADAPTERS,
      ADAPTERS,
      { toNot: ["^server/$1/"] },
    ),
    layer(
      "adapters-below-root",
      "Nothing but the composition root imports the composition root or the routes.",
      `(^components/|${ADAPTERS}|${SUPPORT})`,
      `(^app/|${ROOT})`,
    ),
    layer(
      "no-db-above-services",
      "Above server/services nothing imports db/, types and schema enums included: enums live in " +
        "server/domain, the handle is the services' DbHandle, rows are what a service returns. " +
        "Only the composition root and bootstrap, which open the database, reach db/.",
      ABOVE_SERVICES,
      "^db/",
      { fromNot: ["^server/bootstrap/", ROOT] },
    ),
    layer(
      "no-drizzle-above-services",
      "Queries live in server/services.",
      ABOVE_SERVICES,
      "drizzle-orm",
    ),
    layer(
      "components-use-domain-and-types",
      "UI components import server/domain, and only types from services, trpc and realtime.",
      "^components/",
      "^server/",
      {
        // mask-url is pure: the channel form shows the same *** the server stores in its place.
        toNot: ["^server/domain/", "^server/alerts/mask-url\\.ts$"],
        typesAllowed: true,
      },
    ),
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(\\.next|db/migrations)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".mts", ".js", ".mjs", ".cjs", ".json"],
    },
  },
};
