import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  DataDirLockedError,
  LOCK_FILE,
  acquireDataDirLock,
  dataDirHolder,
} from "@/db/data-dir-lock";

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-lock-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function startTimeOf(pid: number): string | null {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
}

describe("data dir lock", () => {
  it("refuses a second opener while the holder lives, and frees the dir on release", () => {
    const dir = tempDir();
    const lock = acquireDataDirLock(dir);
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    lock.release();
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    acquireDataDirLock(dir).release();
  });

  it("takes over a lock left by a process that died (kill -9)", () => {
    const dir = tempDir();
    const dead = spawnSync(process.execPath, ["-e", "process.exit(0)"]).pid ?? 999_999;
    fs.writeFileSync(
      path.join(dir, LOCK_FILE),
      JSON.stringify({ pid: dead, startTime: "1", host: os.hostname(), since: "" }),
    );
    expect(dataDirHolder(dir)).toBeNull();
    const lock = acquireDataDirLock(dir);
    expect(JSON.parse(fs.readFileSync(path.join(dir, LOCK_FILE), "utf8")).pid).toBe(process.pid);
    lock.release();
  });

  it("refuses when another live process holds the dir", async () => {
    const dir = tempDir();
    const holder = spawn("sleep", ["30"]);
    try {
      const pid = holder.pid ?? 0;
      fs.writeFileSync(
        path.join(dir, LOCK_FILE),
        JSON.stringify({ pid, startTime: startTimeOf(pid), host: os.hostname(), since: "" }),
      );
      expect(dataDirHolder(dir)).toBe(pid);
      expect(() => acquireDataDirLock(dir)).toThrow(
        new RegExp(`in use by another Vigil process \\(pid ${pid}\\)`),
      );
    } finally {
      holder.kill("SIGKILL");
    }
  });

  it("treats a recycled PID (same number, other process) as stale", () => {
    const dir = tempDir();
    fs.writeFileSync(
      path.join(dir, LOCK_FILE),
      JSON.stringify({ pid: 1, startTime: "not-the-real-start", host: os.hostname(), since: "" }),
    );
    acquireDataDirLock(dir).release();
  });
});
