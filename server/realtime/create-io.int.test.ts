import http from "node:http";
import type { AddressInfo } from "node:net";
import pino from "pino";
import { encode } from "next-auth/jwt";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDbKind, type TestDatabase } from "@/db/testing/test-database";
import { makeUser } from "@/db/testing/factories";
import { makeSessionCookie } from "@/db/testing/session-cookie";
import { createIo, type VigilIo } from "@/server/realtime/create-io";
import { workspaceRoom } from "@/server/realtime/rooms";
import { relayEvents } from "@/server/realtime/relay-events";
import { resetPassword } from "@/server/services/users/reset-password";
import { systemClock } from "@/server/services/context";

const SECRET = "test-secret-test-secret-test-secret-0123";

describe(`Socket.IO rooms on ${testDbKind()}`, () => {
  let database: TestDatabase;
  let server: http.Server;
  let io: VigilIo;
  let url: string;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    server = http.createServer();
    io = createIo(server, { db: database.db, secret: SECRET, logger: pino({ level: "silent" }) });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await io.close();
    await database.drop();
  });

  async function client(cookie?: string, origin?: string): Promise<Socket> {
    const socket = connect(url, {
      transports: ["websocket"],
      extraHeaders: { ...(cookie ? { cookie } : {}), ...(origin ? { origin } : {}) },
      reconnection: false,
    });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", resolve);
      socket.once("connect_error", reject);
    });
    return socket;
  }

  const sessionCookie = async (userId: string) =>
    (await makeSessionCookie(database.db, userId, SECRET)).cookie;

  const join = (socket: Socket, room: string) =>
    socket.timeout(3000).emitWithAck("room:join", room) as Promise<{ ok: boolean; error?: string }>;

  it("refuses an anonymous client any workspace room", async () => {
    const { workspace } = await makeUser(database.db);
    const anonymous = await client();
    await expect(join(anonymous, workspaceRoom(workspace.id))).resolves.toEqual({
      ok: false,
      error: "forbidden",
    });
    const inRoom = await io.in(workspaceRoom(workspace.id)).fetchSockets();
    expect(inRoom.map((s) => s.id)).not.toContain(anonymous.id);
  });

  it("puts a signed-in member in their workspace room and delivers its events", async () => {
    const { user, workspace } = await makeUser(database.db);
    const member = await client(await sessionCookie(user.id));
    await expect(join(member, workspaceRoom(workspace.id))).resolves.toMatchObject({ ok: true });
    const received = new Promise((resolve) => member.once("room:joined", resolve));
    io.to(workspaceRoom(workspace.id)).emit("room:joined", "ping");
    await expect(received).resolves.toBe("ping");
  });

  it("refuses a member the room of a workspace they do not belong to", async () => {
    const mine = await makeUser(database.db);
    const theirs = await makeUser(database.db);
    const member = await client(await sessionCookie(mine.user.id));
    await expect(join(member, workspaceRoom(theirs.workspace.id))).resolves.toEqual({
      ok: false,
      error: "forbidden",
    });
  });

  it("treats a session that began before a password reset as anonymous", async () => {
    const { user, workspace, email } = await makeUser(database.db);
    const cookie = await sessionCookie(user.id);
    await new Promise((r) => setTimeout(r, 5));
    await resetPassword({
      ctx: { db: database.db, now: systemClock },
      input: { email, password: "Other-Battery-88" },
    });
    const socket = await client(cookie);
    await expect(join(socket, workspaceRoom(workspace.id))).resolves.toEqual({
      ok: false,
      error: "forbidden",
    });
  });

  it("refuses a handshake from another site's page, cookie or not", async () => {
    const { user } = await makeUser(database.db);
    await expect(client(await sessionCookie(user.id), "https://evil.example")).rejects.toThrow();
    await expect(client(await sessionCookie(user.id), url)).resolves.toBeDefined();
  });

  it("disconnects a user's open sockets when their password is reset", async () => {
    const { user, email } = await makeUser(database.db);
    const socket = await client(await sessionCookie(user.id));
    const stopRelay = relayEvents(io);
    try {
      const gone = new Promise((resolve) => socket.once("disconnect", resolve));
      await resetPassword({
        ctx: { db: database.db, now: systemClock },
        input: { email, password: "Other-Battery-99" },
      });
      await expect(gone).resolves.toBe("io server disconnect");
    } finally {
      stopRelay();
    }
  });

  it("treats a token without a session id (issued before session rows) as anonymous", async () => {
    const { user, workspace } = await makeUser(database.db);
    const legacy = `next-auth.session-token=${await encode({ token: { sub: user.id, authAt: Date.now() }, secret: SECRET })}`;
    const socket = await client(legacy);
    await expect(join(socket, workspaceRoom(workspace.id))).resolves.toEqual({
      ok: false,
      error: "forbidden",
    });
  });

  it("treats a forged or foreign-secret cookie as anonymous", async () => {
    const { user, workspace } = await makeUser(database.db);
    const forged = `next-auth.session-token=${await encode({ token: { sub: user.id }, secret: "another-secret-another-secret-0123456" })}`;
    const socket = await client(forged);
    await expect(join(socket, workspaceRoom(workspace.id))).resolves.toEqual({
      ok: false,
      error: "forbidden",
    });
  });
});
