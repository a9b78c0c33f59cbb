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

// Root (as in CI) can start a process in network and PID namespaces of its own, like a container.
const canUnshare = spawnSync("unshare", ["--net", "--pid", "--fork", "true"]).status === 0;

/** Another process (in namespaces of its own when `unshare` is given) that holds the lock until killed. */
async function holdInChild(dataDir: string, unshare: string[] = []) {
  const module = path.resolve("db/data-dir-lock.ts");
  const child = spawn(
    unshare.length > 0 ? "unshare" : process.execPath,
    [
      ...(unshare.length > 0 ? [...unshare, "--kill-child", process.execPath] : []),
      "--import",
      "tsx",
      "-e",
      `const m = await import(${JSON.stringify(module)}); await m.acquireDataDirLock(${JSON.stringify(dataDir)}); console.log("held"); setInterval(() => {}, 1000);`,
    ],
    { stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, NODE_OPTIONS: "" } },
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (d: Buffer) => d.toString().includes("held") && resolve());
    child.once("exit", (code) => reject(new Error(`holder exited with ${code}`)));
  });
  return child;
}

describe("data dir lock", () => {
  it("refuses a second opener while the holder lives, and frees the dir on release", async () => {
    const dir = tempDir();
    const lock = await acquireDataDirLock(dir);
    await expect(acquireDataDirLock(dir)).rejects.toThrow(DataDirLockedError);
    await lock.release();
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    await (await acquireDataDirLock(dir)).release();
  });

  it("names the live holder's PID, and is free the moment that process is killed -9", async () => {
    const dir = tempDir();
    const child = await holdInChild(dir);
    try {
      expect(await dataDirHolder(dir)).toBe(child.pid);
      await expect(acquireDataDirLock(dir)).rejects.toThrow(
        `in use by another Vigil process (pid ${child.pid} on host ${os.hostname()})`,
      );
      child.kill("SIGKILL");
      await new Promise((r) => child.once("exit", r));
      expect(await dataDirHolder(dir)).toBeNull();
      const lock = await acquireDataDirLock(dir);
      expect(JSON.parse(fs.readFileSync(path.join(dir, LOCK_FILE), "utf8")).pid).toBe(process.pid);
      await lock.release();
    } finally {
      child.kill("SIGKILL");
    }
  });

  it.skipIf(!canUnshare).each([
    ["another network namespace", ["--net"]],
    ["other network and PID namespaces (a container)", ["--net", "--pid", "--fork"]],
  ])("refuses a second opener while the holder lives in %s", async (_where, unshare) => {
    const dir = tempDir();
    const child = await holdInChild(dir, unshare);
    try {
      await expect(acquireDataDirLock(dir)).rejects.toThrow(DataDirLockedError);
      expect(await dataDirHolder(dir)).not.toBeNull();
      child.kill("SIGKILL");
      await new Promise((r) => child.once("exit", r));
      await (await acquireDataDirLock(dir)).release();
    } finally {
      child.kill("SIGKILL");
    }
  });

  it.skipIf(!canUnshare)(
    "refuses a holder in another network namespace while it lives here",
    async () => {
      const dir = tempDir();
      const lock = await acquireDataDirLock(dir);
      try {
        const module = path.resolve("db/data-dir-lock.ts");
        const result = spawnSync(
          "unshare",
          [
            "--net",
            process.execPath,
            "--import",
            "tsx",
            "-e",
            `const m = await import(${JSON.stringify(module)}); try { await m.acquireDataDirLock(${JSON.stringify(dir)}); console.log("taken"); } catch (e) { console.log(e.name); }`,
          ],
          { encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "" } },
        );
        expect(result.stdout.trim()).toBe("DataDirLockedError");
      } finally {
        await lock.release();
      }
    },
  );

  it("takes over a lock file whose writer is gone, whatever PID it names", async () => {
    const dir = tempDir();
    fs.writeFileSync(
      path.join(dir, LOCK_FILE),
      JSON.stringify({ pid: process.pid, hostname: "elsewhere", since: "2020-01-01T00:00:00Z" }),
    );
    expect(await dataDirHolder(dir)).toBeNull();
    await (await acquireDataDirLock(dir)).release();
  });

  it("lets exactly one of many concurrent openers win", async () => {
    const dir = tempDir();
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, () => acquireDataDirLock(dir)),
    );
    const won = results.filter((r) => r.status === "fulfilled");
    expect(won).toHaveLength(1);
    await (won[0] as PromiseFulfilledResult<{ release: () => Promise<void> }>).value.release();
  });

  it("ignores a lock file left behind by a process that is gone", async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ pid: 999_999 }));
    expect(await dataDirHolder(dir)).toBeNull();
    await (await acquireDataDirLock(dir)).release();
  });

  it("treats two spellings of one folder as the same data dir", async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, "data"));
    fs.symlinkSync(path.join(dir, "data"), path.join(dir, "alias"));
    const lock = await acquireDataDirLock(path.join(dir, "data"));
    await expect(acquireDataDirLock(path.join(dir, "alias", "."))).rejects.toThrow(
      DataDirLockedError,
    );
    await lock.release();
  });
});
