import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const LOCK_FILE = "vigil.lock";

type LockRecord = { pid: number; startTime: string | null; host: string; since: string };

export class DataDirLockedError extends Error {
  override name = "DataDirLockedError";
  constructor(
    readonly dataDir: string,
    readonly holderPid: number,
  ) {
    super(
      `data dir ${dataDir} is in use by another Vigil process (pid ${holderPid}); ` +
        "stop it first, or use the CLI, which talks to the running server",
    );
  }
}

/** Linux process start time (clock ticks since boot): tells a live holder from a reused PID. */
function processStartTime(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
}

function isAlive(record: LockRecord): boolean {
  if (record.host !== os.hostname()) return true;
  try {
    process.kill(record.pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ESRCH") return false;
  }
  const startTime = processStartTime(record.pid);
  return record.startTime === null || startTime === null || startTime === record.startTime;
}

function readRecord(file: string): LockRecord | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, "utf8")) as Partial<LockRecord>;
    return typeof parsed.pid === "number"
      ? {
          pid: parsed.pid,
          startTime: parsed.startTime ?? null,
          host: parsed.host ?? os.hostname(),
          since: parsed.since ?? "",
        }
      : null;
  } catch {
    return null;
  }
}

/** The PID of the live process holding the data dir, or null when nobody (alive) holds it. */
export function dataDirHolder(dataDir: string): number | null {
  const record = readRecord(path.join(dataDir, LOCK_FILE));
  return record && isAlive(record) && record.pid !== process.pid ? record.pid : null;
}

export type DataDirLock = { release: () => void };

/**
 * Takes the data dir for this process. A lock left by a dead process (kill -9, crash) is taken
 * over; a live holder is refused with DataDirLockedError.
 */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, LOCK_FILE);
  const mine: LockRecord = {
    pid: process.pid,
    startTime: processStartTime(process.pid),
    host: os.hostname(),
    since: new Date().toISOString(),
  };
  const body = JSON.stringify(mine) + "\n";
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, body, { flag: "wx", mode: 0o600 });
      return { release: () => releaseIfMine(file) };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
    const holder = readRecord(file);
    if (holder && isAlive(holder)) throw new DataDirLockedError(dataDir, holder.pid);
    // Stale: replace atomically, then confirm we won against a concurrent taker.
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, body, { mode: 0o600 });
    fs.renameSync(tmp, file);
    const now = readRecord(file);
    if (now?.pid === process.pid) return { release: () => releaseIfMine(file) };
  }
  const holder = readRecord(file);
  throw new DataDirLockedError(dataDir, holder?.pid ?? -1);
}

function releaseIfMine(file: string): void {
  if (readRecord(file)?.pid === process.pid) fs.rmSync(file, { force: true });
}
