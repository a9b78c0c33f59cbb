import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/**
 * Creates a fresh PGlite cluster in a short-lived child process. initdb grows PGlite's WebAssembly
 * memory to ~700 MiB, which can never shrink: done in the server itself, it would stay resident.
 */
export async function initPgliteDataDir(pgdata: string): Promise<void> {
  if (fs.existsSync(path.join(pgdata, "PG_VERSION"))) return;
  const pglite = import.meta.resolve("@electric-sql/pglite");
  const script = `const { PGlite } = await import(${JSON.stringify(pglite)});
const db = new PGlite(${JSON.stringify(pgdata)});
await db.waitReady;
await db.close();`;
  await run(process.execPath, ["--input-type=module", "-e", script], { timeout: 120_000 });
}
