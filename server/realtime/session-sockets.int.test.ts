import { execFile } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pino from "pino";
import postgres from "postgres";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { openDatabase } from "@/db/client";
import { acquireDataDirLock } from "@/db/data-dir-lock";
import { createTestDatabase, testDbKind, type TestDatabase } from "@/db/testing/test-database";
import { TEST_PASSWORD, makeUser } from "@/db/testing/factories";
import { makeSessionCookie } from "@/db/testing/session-cookie";
import { createEventBus, getEventBus, type EventBus } from "@/server/events/bus";
import { systemClock } from "@/server/services/context";
import { endSession } from "@/server/services/sessions/end-session";
import { endOtherSessions } from "@/server/services/sessions/end-other-sessions";
import { endUserSessions } from "@/server/services/sessions/end-user-sessions";
import { changePassword } from "@/server/services/users/change-password";
import { startControlServer } from "@/server/control/control-server";
import { createIo, type VigilIo } from "@/server/realtime/create-io";
import { relayEvents } from "@/server/realtime/relay-events";
import { openClusterAdapter } from "@/server/realtime/postgres-adapter";
import { listenForSessionEnds } from "@/server/realtime/session-end-listener";
import { workspaceRoom } from "@/server/realtime/rooms";
import { SignInLimiter } from "@/server/services/auth/sign-in-limiter";

const limits = (email: string) => ({
  limiter: new SignInLimiter({ perEmail: 10, perIp: 100, windowSecs: 900 }),
  email,
  clientIp: "203.0.113.9",
});

// Each CLI run compiles the CLI with tsx: seconds on a quiet machine, far more on a loaded CI run.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 180_000 });

const SECRET = "test-secret-test-secret-test-secret-0123";
const logger = pino({ level: "silent" });
const run = promisify(execFile);
const bin = path.resolve("bin/vigil.mjs");

type Node = { base: string; io: VigilIo; stop: () => Promise<void> };

/** Socket.IO as server/main.ts wires it: the relay on a bus, the adapter and listener on PostgreSQL. */
async function startNode(
  db: Db,
  bus: EventBus,
  options: { clusterUrl?: string; listenUrl?: string } = {},
): Promise<Node> {
  const server = http.createServer();
  const cluster = options.clusterUrl
    ? await openClusterAdapter(options.clusterUrl, { logger })
    : null;
  const io = createIo(server, { db, secret: SECRET, logger, adapter: cluster?.adapter });
  const stopRelay = relayEvents(io, bus);
  const listener = options.listenUrl
    ? await listenForSessionEnds(options.listenUrl, { io, db, logger })
    : null;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    io,
    stop: async () => {
      stopRelay();
      await listener?.close();
      await io.close();
      await cluster?.close();
    },
  };
}

const sockets: Socket[] = [];
async function socket(node: Node, cookie?: string): Promise<Socket> {
  const s = connect(node.base, {
    transports: ["websocket"],
    extraHeaders: cookie ? { cookie } : {},
    reconnection: false,
  });
  sockets.push(s);
  await new Promise<void>((resolve, reject) => {
    s.once("connect", resolve);
    s.once("connect_error", reject);
  });
  return s;
}
const disconnected = (s: Socket) =>
  new Promise<string>((resolve) => s.once("disconnect", (reason) => resolve(reason)));
const within = <T>(promise: Promise<T>, ms = 3_000) =>
  Promise.race([
    promise,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`not within ${ms} ms`)), ms),
    ),
  ]);
const join = (s: Socket, room: string) =>
  s.timeout(3000).emitWithAck("room:join", room) as Promise<{ ok: boolean }>;

afterAll(() => {
  for (const s of sockets) s.disconnect();
});

describe(`session sockets on ${testDbKind()}`, () => {
  let database: TestDatabase;
  let node: Node;
  const ctx = () => ({ db: database.db, now: systemClock });
  const as = (userId: string) => ({ ...ctx(), actor: { userId } });
  beforeAll(async () => {
    database = await createTestDatabase();
    node = await startNode(database.db, getEventBus());
  });
  afterAll(async () => {
    await node?.stop();
    await database?.drop();
  });

  it("disconnects the sockets of a signed-out session at once and keeps the user's others", async () => {
    const { user } = await makeUser(database.db);
    const signedOut = await makeSessionCookie(database.db, user.id, SECRET);
    const kept = await makeSessionCookie(database.db, user.id, SECRET);
    const [a, b, other] = [
      await socket(node, signedOut.cookie),
      await socket(node, signedOut.cookie),
      await socket(node, kept.cookie),
    ];
    let otherGone = false;
    other.on("disconnect", () => (otherGone = true));
    const gone = Promise.all([disconnected(a), disconnected(b)]);
    await endSession({ ctx: ctx(), input: { sessionId: signedOut.sessionId } });
    await expect(within(gone)).resolves.toEqual(["io server disconnect", "io server disconnect"]);
    await new Promise((r) => setTimeout(r, 200));
    expect(otherGone).toBe(false);
  });

  it("treats a socket of an ended session as anonymous at connect", async () => {
    const { user, workspace } = await makeUser(database.db);
    const session = await makeSessionCookie(database.db, user.id, SECRET);
    await endSession({ ctx: ctx(), input: { sessionId: session.sessionId } });
    const late = await socket(node, session.cookie);
    await expect(join(late, workspaceRoom(workspace.id))).resolves.toMatchObject({ ok: false });
  });

  it("disconnects the other sessions' sockets on sign out everywhere and on a password change", async () => {
    const { user } = await makeUser(database.db);
    const current = await makeSessionCookie(database.db, user.id, SECRET);
    const first = await makeSessionCookie(database.db, user.id, SECRET);
    const mine = await socket(node, current.cookie);
    let mineGone = false;
    mine.on("disconnect", () => (mineGone = true));

    const elsewhere = await socket(node, first.cookie);
    const gone = disconnected(elsewhere);
    await endOtherSessions({
      ctx: as(user.id),
      input: { currentSessionId: current.sessionId },
    });
    await expect(within(gone)).resolves.toBe("io server disconnect");

    const second = await makeSessionCookie(database.db, user.id, SECRET);
    const again = await socket(node, second.cookie);
    const goneAgain = disconnected(again);
    await changePassword({
      ctx: as(user.id),
      input: {
        currentSessionId: current.sessionId,
        limits: limits(user.email),
        currentPassword: TEST_PASSWORD,
        newPassword: "Another-Long-Phrase-5",
      },
    });
    await expect(within(goneAgain)).resolves.toBe("io server disconnect");
    await new Promise((r) => setTimeout(r, 200));
    expect(mineGone).toBe(false);
  });
});

async function vigilCli(env: Record<string, string>, ...args: string[]) {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) => !/^(DATABASE_URL|VIGIL_|NEXTAUTH_|AUTH_|INNGEST_|PORT$|HOST$)/.test(k),
    ),
  );
  return run(process.execPath, [bin, ...args], {
    env: { ...clean, ...env } as NodeJS.ProcessEnv,
    timeout: 60_000,
  });
}

// Each project runs the half for its own database (registering, not skipping, the other half).
if (testDbKind() === "postgres")
  describe("session sockets across processes on PostgreSQL", () => {
    let database: TestDatabase;
    let a: Node;
    let b: Node;
    beforeAll(async () => {
      database = await createTestDatabase("postgres");
      const url = database.url ?? "";
      a = await startNode(database.db, getEventBus(), { clusterUrl: url, listenUrl: url });
      b = await startNode(database.db, createEventBus(), { clusterUrl: url, listenUrl: url });
      for (const deadline = Date.now() + 15_000; ;) {
        const counts = [
          await a.io.of("/").adapter.serverCount(),
          await b.io.of("/").adapter.serverCount(),
        ];
        if (counts.every((c) => c === 2)) break;
        if (Date.now() > deadline) throw new Error(`the nodes never saw each other: ${counts}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    });
    afterAll(async () => {
      await a?.stop();
      await b?.stop();
      await database?.drop();
    });

    it("disconnects on node B a socket whose session was ended on node A", async () => {
      const { user } = await makeUser(database.db);
      const session = await makeSessionCookie(database.db, user.id, SECRET);
      const onB = await socket(b, session.cookie);
      const gone = disconnected(onB);
      await endSession({
        ctx: { db: database.db, now: systemClock },
        input: { sessionId: session.sessionId },
      });
      await expect(within(gone)).resolves.toBe("io server disconnect");
    });

    it("checks its sockets again after losing its LISTEN connection, as a notice may be lost", async () => {
      const { user } = await makeUser(database.db);
      const session = await makeSessionCookie(database.db, user.id, SECRET);
      const onA = await socket(a, session.cookie);
      const gone = disconnected(onA);
      const admin = postgres(database.url ?? "", { max: 1, onnotice: () => {} });
      try {
        // Ended without a word to anyone (as if the notice fell in the gap), then the drop.
        await endUserSessions(database.db, { userId: user.id, now: new Date() });
        await admin`select pg_terminate_backend(pid) from pg_stat_activity
          where application_name = 'vigil-sessions' and datname = current_database()`;
      } finally {
        await admin.end();
      }
      await expect(within(gone, 10_000)).resolves.toBe("io server disconnect");
    });

    it("disconnects a running server's sockets when the CLI resets the password", async () => {
      const { user, email } = await makeUser(database.db);
      const session = await makeSessionCookie(database.db, user.id, SECRET);
      const onA = await socket(a, session.cookie);
      const onB = await socket(b, session.cookie);
      const gone = Promise.all([disconnected(onA), disconnected(onB)]);
      await vigilCli(
        { DATABASE_URL: database.url ?? "" },
        "user:reset-password",
        "--email",
        email,
        "--password",
        "Reset-By-Operator-31",
      );
      await expect(within(gone)).resolves.toEqual(["io server disconnect", "io server disconnect"]);
    }, 90_000);
  });

if (testDbKind() === "pglite")
  describe("session sockets and the CLI on the embedded database", () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-sessions-"));
    afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

    it("disconnects the server's sockets when the CLI resets the password through it", async () => {
      const lock = await acquireDataDirLock(dataDir);
      const handle = await openDatabase({ kind: "pglite", dataDir: path.join(dataDir, "pgdata") });
      await handle.migrate();
      const node = await startNode(handle.db, getEventBus());
      const control = await startControlServer({
        dataDir,
        ctx: () => ({ db: handle.db, now: systemClock }),
        logger,
      });
      try {
        const { user, email } = await makeUser(handle.db);
        const session = await makeSessionCookie(handle.db, user.id, SECRET);
        const s = await socket(node, session.cookie);
        const gone = disconnected(s);
        await vigilCli(
          { VIGIL_DATA_DIR: dataDir },
          "user:reset-password",
          "--email",
          email,
          "--password",
          "Reset-By-Operator-31",
        );
        await expect(within(gone)).resolves.toBe("io server disconnect");
      } finally {
        await control.close();
        await node.stop();
        await handle.close();
        await lock.release();
      }
    }, 90_000);
  });
