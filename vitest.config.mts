import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));
const alias = { "@": root };
const exclude = ["node_modules/**", ".next/**", "e2e/**"];

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["**/*.test.ts"],
          exclude: [...exclude, "**/*.int.test.ts"],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "pglite",
          include: ["**/*.int.test.ts"],
          // *.pg.int.test.ts need what only PostgreSQL has (a second node, an outage to cause):
          // they run in the postgres project, and are not listed here as skipped.
          exclude: [...exclude, "**/*.pg.int.test.ts"],
          environment: "node",
          env: { VIGIL_TEST_DB: "pglite" },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "postgres",
          include: ["**/*.int.test.ts"],
          exclude,
          environment: "node",
          env: { VIGIL_TEST_DB: "postgres" },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
