#!/usr/bin/env node
// `npm start`: build once when there is no build (or the sources are newer), then run the server.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const buildId = path.join(root, ".next", "BUILD_ID");
const SOURCES = [
  "app",
  "components",
  "server",
  "db",
  "next.config.ts",
  "postcss.config.mjs",
  "package-lock.json",
];

function newestMtime(p) {
  let stat;
  try {
    stat = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(p))
    newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

const builtAt = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
const sourcesAt = Math.max(...SOURCES.map((s) => newestMtime(path.join(root, s))));
process.env.NEXT_TELEMETRY_DISABLED = "1";
process.env.NODE_ENV ??= "production";

if (process.env.NODE_ENV === "production" && builtAt < sourcesAt) {
  console.error(
    builtAt
      ? "vigil: sources changed since the last build; rebuilding…"
      : "vigil: no build yet; building (about a minute)…",
  );
  const result = spawnSync(
    process.execPath,
    [path.join(root, "node_modules/next/dist/bin/next"), "build"],
    {
      cwd: root,
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, NODE_ENV: "production" },
    },
  );
  if (result.status !== 0) {
    console.error("vigil: the build failed; see the output above");
    process.exit(result.status ?? 1);
  }
}

const { register } = await import("tsx/esm/api");
register({ tsconfig: path.join(root, "tsconfig.json") });
await import("../server/main.ts");
