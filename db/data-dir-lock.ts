import { createHash } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

export const LOCK_FILE = "vigil.lock";

export class DataDirLockedError extends Error {
  override name = "DataDirLockedError";
  constructor(
    readonly dataDir: string,
    readonly holderPid: number | null,
  ) {
    super(
      `data dir ${dataDir} is in use by another Vigil process${holderPid ? ` (pid ${holderPid})` : ""}; ` +
        "stop it first, or use the CLI, which talks to the running server",
    );
  }
}

export type DataDirLock = { release: () => Promise<void> };

/**
 * The lock is a Linux abstract Unix socket named after the data dir's real path: the kernel frees
 * it the instant its process dies (kill -9 included), and two processes can never both bind it.
 * The lock file beside it only tells a refused opener which PID holds the dir.
 */
function lockAddress(dataDir: string): string {
  const real = fs.realpathSync(dataDir);
  return `\0vigil-lock-${createHash("sha256").update(real).digest("hex").slice(0, 48)}`;
}

function holderPidFromFile(dataDir: string): number | null {
  try {
    const pid = (
      JSON.parse(fs.readFileSync(path.join(dataDir, LOCK_FILE), "utf8")) as { pid?: unknown }
    ).pid;
    return typeof pid === "number" ? pid : null;
  } catch {
    return null;
  }
}

function bind(address: string): Promise<net.Server | null> {
  return new Promise((resolve, reject) => {
    const server = net.createServer((socket) => socket.destroy());
    server.once("error", (err: NodeJS.ErrnoException) =>
      err.code === "EADDRINUSE" ? resolve(null) : reject(err),
    );
    server.listen(address, () => {
      server.unref();
      resolve(server);
    });
  });
}

/** Takes the data dir for this process, or throws DataDirLockedError while another process lives. */
export async function acquireDataDirLock(dataDir: string): Promise<DataDirLock> {
  if (process.platform !== "linux")
    throw new Error("the embedded database's data dir lock needs Linux");
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const server = await bind(lockAddress(dataDir));
  if (!server) throw new DataDirLockedError(dataDir, holderPidFromFile(dataDir));
  const file = path.join(dataDir, LOCK_FILE);
  fs.writeFileSync(
    file,
    JSON.stringify({ pid: process.pid, since: new Date().toISOString() }) + "\n",
    { mode: 0o600 },
  );
  return {
    release: async () => {
      if (holderPidFromFile(dataDir) === process.pid) fs.rmSync(file, { force: true });
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The PID holding the data dir (or 0 when it is held but its PID is unknown); null when free. */
export async function dataDirHolder(dataDir: string): Promise<number | null> {
  if (!fs.existsSync(dataDir)) return null;
  const server = await bind(lockAddress(dataDir));
  if (server) {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    return null;
  }
  return holderPidFromFile(dataDir) ?? 0;
}
