import net from "node:net";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";
import { io as connectClient } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpServer } from "@/server/http/create-http-server";

const timeouts = {
  headersTimeoutMs: 600,
  requestTimeoutMs: 900,
  keepAliveTimeoutMs: 500,
  checkIntervalMs: 100,
};

describe("createHttpServer", () => {
  const server = createHttpServer(timeouts);
  const io = new Server(server);
  let port: number;
  beforeAll(async () => {
    server.on("request", (req, res) => {
      if (!req.url?.startsWith("/socket.io/")) res.end("ok");
    });
    io.on("connection", (socket) =>
      socket.on("echo", (v: string, ack: (v: string) => void) => ack(v)),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await io.close();
  });

  it("drops a client that sends its headers one byte at a time", async () => {
    const started = Date.now();
    const closedAfter = await new Promise<number>((resolve) => {
      const socket = net.connect(port, "127.0.0.1");
      const request = "GET / HTTP/1.1\r\nHost: x\r\nX-Slow: " + "a".repeat(100);
      let i = 0;
      const drip = setInterval(() => {
        if (!socket.destroyed) socket.write(request[i++ % request.length]!);
      }, 50);
      socket.on("error", () => {});
      socket.on("close", () => {
        clearInterval(drip);
        resolve(Date.now() - started);
      });
      setTimeout(() => socket.destroy(), 5_000);
    });
    expect(closedAfter).toBeLessThan(2_000);
  });

  it("keeps a WebSocket and a long-polling Socket.IO client connected past the request timeout", async () => {
    for (const transport of ["websocket", "polling"] as const) {
      const client = connectClient(`http://127.0.0.1:${port}`, {
        transports: [transport],
        reconnection: false,
      });
      try {
        await new Promise<void>((resolve, reject) => {
          client.on("connect", () => resolve());
          client.on("connect_error", reject);
        });
        let disconnected = false;
        client.on("disconnect", () => (disconnected = true));
        await new Promise((resolve) => setTimeout(resolve, 2_000));
        expect(disconnected).toBe(false);
        expect(await client.timeout(1_000).emitWithAck("echo", transport)).toBe(transport);
      } finally {
        client.close();
      }
    }
  });
});
