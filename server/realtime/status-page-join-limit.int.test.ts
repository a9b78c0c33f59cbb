import http from "node:http";
import type { AddressInfo } from "node:net";
import pino from "pino";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDbKind, type TestDatabase } from "@/db/testing/test-database";
import { makeUser } from "@/db/testing/factories";
import { makeSessionCookie } from "@/db/testing/session-cookie";
import { createIo, type VigilIo } from "@/server/realtime/create-io";
import { statusPageRoom } from "@/server/realtime/status-page-messages";
import { createStatusPage } from "@/server/services/status-pages/create-status-page";
import { systemClock } from "@/server/services/context";
import { createStatusPageInput } from "@/server/services/status-pages/status-page-settings";

const SECRET = "test-secret-test-secret-test-secret-0123";

describe(`anonymous status page room joins are rate limited per IP on ${testDbKind()}`, () => {
  let database: TestDatabase;
  let server: http.Server;
  let io: VigilIo;
  let url: string;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    server = http.createServer();
    io = createIo(server, {
      db: database.db,
      secret: SECRET,
      logger: pino({ level: "silent" }),
      // Stands in for a trusted proxy, so one test machine can be several clients.
      clientIp: (req) => String(req.headers["x-test-ip"] ?? req.socket.remoteAddress),
      joinLimit: { points: 5, durationSecs: 60 },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await io.close();
    await database.drop();
  });

  async function client(headers: Record<string, string> = {}): Promise<Socket> {
    const socket = connect(url, {
      transports: ["websocket"],
      extraHeaders: headers,
      reconnection: false,
    });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", resolve);
      socket.once("connect_error", reject);
    });
    return socket;
  }
  const join = (socket: Socket, room: string) =>
    socket.timeout(3000).emitWithAck("room:join", room) as Promise<unknown>;

  it("refuses joins past the limit exactly like an unknown page, per IP, and never a member's", async () => {
    const { user, workspace } = await makeUser(database.db);
    const ctx = {
      db: database.db,
      now: systemClock,
      actor: { userId: user.id },
      workspaceId: workspace.id,
    };
    const page = await createStatusPage({
      ctx,
      input: createStatusPageInput.parse({
        slug: `limited-${process.pid}`,
        title: "Limited",
        visibility: "public",
      }),
    });
    const room = statusPageRoom(page.id);
    const unknown = statusPageRoom("00000000-0000-4000-8000-000000000000");

    const first = await client({ "x-test-ip": "198.51.100.7" });
    const refusal = await join(first, unknown);
    expect(refusal).toEqual({ ok: false, error: "forbidden" });
    for (let i = 0; i < 4; i++) expect(await join(first, room)).toEqual({ ok: true, room });
    expect(await join(first, room)).toEqual(refusal);
    // A new connection from the same address shares the count.
    const again = await client({ "x-test-ip": "198.51.100.7" });
    expect(await join(again, room)).toEqual(refusal);

    const elsewhere = await client({ "x-test-ip": "203.0.113.9" });
    expect(await join(elsewhere, room)).toEqual({ ok: true, room });

    const { cookie } = await makeSessionCookie(database.db, user.id, SECRET);
    const member = await client({ cookie, "x-test-ip": "198.51.100.7" });
    for (let i = 0; i < 7; i++) expect(await join(member, room)).toEqual({ ok: true, room });
  });
});
