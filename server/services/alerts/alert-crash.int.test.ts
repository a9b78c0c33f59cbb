import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { alertMessages } from "@/db/schema";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { createTestDatabase, testDbKind, type TestDatabase } from "@/db/testing/test-database";
import { startTestTarget, type TestTarget } from "@/testing/checks/start-test-target";
import { startReceiver, type TestReceiver } from "@/testing/alerts/start-receiver";
import { AlertDispatcher } from "@/server/jobs/alert-dispatcher";
import { systemClock } from "@/server/services/context";

const root = path.resolve(import.meta.dirname, "../../..");

/** Runs the worker that commits a flip and is killed with SIGKILL before it sends anything. */
function commitFlipThenDie(env: Record<string, string>) {
  return new Promise<{ signal: string | null; out: string }>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "testing/alerts/commit-flip-then-die.ts"],
      { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] },
    );
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("error", reject);
    child.on("exit", (_code, signal) =>
      signal ? resolve({ signal, out }) : reject(new Error(`worker exited without dying: ${err}`)),
    );
  });
}

describe(`an alert survives kill -9 between the flip commit and the send, on ${testDbKind()}`, () => {
  let database: TestDatabase | null = null;
  let dataDir: string | null = null;
  let target: TestTarget;
  let receiver: TestReceiver;

  beforeAll(async () => {
    target = await startTestTarget();
    receiver = await startReceiver();
    if (testDbKind() === "postgres") database = await createTestDatabase("postgres");
    else dataDir = mkdtempSync(path.join(tmpdir(), "vigil-kill9-"));
  });
  afterAll(async () => {
    await receiver.close();
    await target.close();
    await database?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it("delivers exactly once after the restart", { timeout: 60_000 }, async () => {
    target.set("/down", { status: 500 });
    const died = await commitFlipThenDie({
      ...(database ? { DB_URL: database.url ?? "" } : { DATA_DIR: dataDir ?? "" }),
      HOOK_URL: receiver.url("/kill9"),
      TARGET_URL: target.url("/down"),
    });
    expect(died.signal).toBe("SIGKILL");
    const [, flipId] = /COMMITTED (\S+)/.exec(died.out) ?? [];
    expect(flipId).toBeTruthy();
    expect(receiver.received("/kill9")).toHaveLength(0);

    // The restarted process: the embedded driver looks at the outbox as it starts.
    const handle: DatabaseHandle = database
      ? await openDatabase({ kind: "postgres", url: database.url ?? "" })
      : await openDatabase({ kind: "pglite", dataDir: dataDir ?? "" });
    const dispatcher = new AlertDispatcher({
      db: handle.db,
      now: systemClock,
      logger: pino({ level: "silent" }),
      alerts: {
        privateTargets: "all",
        allowPrivateTargets: true,
        timeoutMs: 2000,
        smtp: undefined,
        baseUrl: "http://localhost",
      },
    });
    try {
      dispatcher.start();
      const got = await receiver.waitFor("/kill9", 1, 10_000);
      expect(got[0]?.headers["x-vigil-delivery"]).toMatch(new RegExp(`^${flipId}\\.`));
      await new Promise((r) => setTimeout(r, 1000));
      await dispatcher.idle();
      expect(receiver.received("/kill9")).toHaveLength(1);
      const rows = await handle.db
        .select()
        .from(alertMessages)
        .where(eq(alertMessages.deliveryKey, got[0]?.headers["x-vigil-delivery"] as string));
      expect(rows.map((r) => [r.status, r.attempts])).toEqual([["delivered", 1]]);
    } finally {
      await dispatcher.stop();
      await handle.close();
    }
  });
});
