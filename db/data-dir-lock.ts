import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import nativeFs from "fs-native-extensions";

export const LOCK_FILE = "vigil.lock";

/** What the holder wrote into the lock file, for the operator: the kernel lock alone decides. */
export type LockHolder = { pid: number; hostname?: string; since?: string };

export class DataDirLockedError extends Error {
  override name = "DataDirLockedError";
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder | null,
  ) {
    const who = holder
      ? ` (pid ${holder.pid}${holder.hostname ? ` on host ${holder.hostname}` : ""})`
      : "";
    super(
      `data dir ${dataDir} is in use by another Vigil process${who}; ` +
        "stop it first (its lock ends with it), or use the CLI, which talks to the running server",
    );
  }
}

export type DataDirLock = { release: () => Promise<void> };

function readHolder(fd: number): LockHolder | null {
  try {
    const size = fs.fstatSync(fd).size;
    const buffer = Buffer.alloc(Math.min(size, 4096));
    fs.readSync(fd, buffer, 0, buffer.length, 0);
    const parsed = JSON.parse(buffer.toString("utf8")) as Partial<LockHolder>;
    return typeof parsed.pid === "number"
      ? { pid: parsed.pid, hostname: parsed.hostname, since: parsed.since }
      : null;
  } catch {
    return null;
  }
}

function isSameFile(fd: number, file: string): boolean {
  try {
    const [held, named] = [fs.fstatSync(fd), fs.statSync(file)];
    return held.ino === named.ino && held.dev === named.dev;
  } catch {
    return false;
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The lock is an open-file-description lock (fcntl F_OFD_SETLK) on `vigil.lock` in the data dir:
 * the kernel holds it for every process that opens that file — whatever its network or PID
 * namespace, so containers sharing the volume too — and frees it when the holder dies (kill -9
 * included). A lock file left behind is just a file; only a live lock refuses.
 */
export async function acquireDataDirLock(dataDir: string): Promise<DataDirLock> {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, LOCK_FILE);
  // A refusal is retried briefly: dataDirHolder() holds the lock for a moment while it looks.
  let holder: LockHolder | null = null;
  for (let attempt = 0; attempt < 5; attempt++) {
    if (attempt > 0) await pause(50);
    const fd = fs.openSync(file, fs.constants.O_RDWR | fs.constants.O_CREAT, 0o600);
    if (!nativeFs.tryLock(fd)) {
      holder = readHolder(fd);
      fs.closeSync(fd);
      continue;
    }
    // The holder before us may have removed the file as it let go: lock the file the name shows.
    if (!isSameFile(fd, file)) {
      fs.closeSync(fd);
      continue;
    }
    const mine: LockHolder = {
      pid: process.pid,
      hostname: os.hostname(),
      since: new Date().toISOString(),
    };
    fs.ftruncateSync(fd, 0);
    fs.writeSync(fd, JSON.stringify(mine) + "\n", 0);
    let released = false;
    return {
      release: async () => {
        if (released) return;
        released = true;
        if (isSameFile(fd, file)) fs.rmSync(file, { force: true });
        fs.closeSync(fd);
      },
    };
  }
  throw new DataDirLockedError(dataDir, holder);
}

/** The PID holding the data dir (or 0 when it is held but its PID is unknown); null when free. */
export async function dataDirHolder(dataDir: string): Promise<number | null> {
  let fd: number;
  try {
    fd = fs.openSync(path.join(dataDir, LOCK_FILE), fs.constants.O_RDWR);
  } catch {
    return null;
  }
  try {
    if (nativeFs.tryLock(fd)) {
      nativeFs.unlock(fd);
      return null;
    }
    return readHolder(fd)?.pid ?? 0;
  } finally {
    fs.closeSync(fd);
  }
}
