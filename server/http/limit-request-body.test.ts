import http from "node:http";
import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  API_BODY_LIMIT_BYTES,
  isApiRequest,
  serveWithBodyLimit,
} from "@/server/http/limit-request-body";

const MiB = 1024 * 1024;

describe("serveWithBodyLimit on a loopback server", () => {
  let server: http.Server;
  let port: number;
  let handled: { url: string; bytes: number; aborted: boolean }[] = [];

  beforeAll(async () => {
    server = http.createServer();
    // Reads the whole body into memory, as Next does: only a limit in front of it keeps that bounded.
    serveWithBodyLimit(
      server,
      (req, res) => {
        const entry = { url: req.url ?? "", bytes: 0, aborted: false };
        handled.push(entry);
        const chunks: Buffer[] = [];
        req.on("data", (c: Buffer) => {
          chunks.push(c);
          entry.bytes += c.length;
        });
        req.on("error", () => (entry.aborted = true));
        req.on("end", () => res.end(`got ${Buffer.concat(chunks).length}`));
      },
      { limitBytes: API_BODY_LIMIT_BYTES, appliesTo: isApiRequest },
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  function post(path: string, body: Buffer, headers: Record<string, string> = {}) {
    return new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(
        { host: "127.0.0.1", port, path, method: "POST", headers, agent: false },
        (res) => {
          let text = "";
          res.setEncoding("utf8");
          res.on("data", (c: string) => (text += c));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
        },
      );
      req.on("error", reject);
      req.end(body);
    });
  }

  it("refuses a declared body over 1 MiB at once, before the handler sees it", async () => {
    handled = [];
    for (const path of [
      "/api/v1/monitors",
      "/api/trpc/account.signUp",
      "/api/auth/callback/credentials",
      // Next resolves dot-segments before routing: these reach the same routes.
      "/x/../api/auth/callback/credentials",
      "/x/%2e%2e/api/trpc/account.signUp",
      "/./api/v1/monitors",
      "/API/../api/v1/monitors",
    ]) {
      const res = await post(path, Buffer.alloc(3 * MiB, 0x61));
      expect(res.status).toBe(413);
      expect(JSON.parse(res.body)).toEqual({ error: "request body too large (limit 1 MiB)" });
    }
    expect(handled).toEqual([]);
  });

  it("also limits a request whose target is written as an absolute URL", async () => {
    handled = [];
    const response = await new Promise<string>((resolve) => {
      const socket = net.connect(port, "127.0.0.1");
      let text = "";
      socket.on("data", (d: Buffer) => (text += d.toString("latin1")));
      socket.on("close", () => resolve(text));
      socket.on("error", () => resolve(text));
      socket.write(
        `POST http://x/api/v1/monitors HTTP/1.1\r\nHost: x\r\nContent-Length: ${3 * MiB}\r\n\r\n`,
      );
    });
    expect(response).toMatch(/^HTTP\/1\.1 413/);
    expect(handled).toEqual([]);
  });

  it("answers Expect: 100-continue with 413 and never asks for the body", async () => {
    handled = [];
    const res = await new Promise<{ status: number; continued: boolean }>((resolve, reject) => {
      let continued = false;
      const req = http.request({
        host: "127.0.0.1",
        port,
        path: "/api/v1/monitors",
        method: "POST",
        agent: false,
        headers: { "content-length": String(3 * MiB), expect: "100-continue" },
      });
      req.on("continue", () => (continued = true));
      req.on("response", (r) => {
        r.resume();
        resolve({ status: r.statusCode ?? 0, continued });
      });
      req.on("error", reject);
      req.flushHeaders();
    });
    expect(res).toEqual({ status: 413, continued: false });
    expect(handled).toEqual([]);
  });

  it("passes bodies within the limit, and paths outside /api/, untouched", async () => {
    handled = [];
    expect(await post("/api/v1/monitors", Buffer.alloc(MiB, 0x61))).toEqual({
      status: 200,
      body: `got ${MiB}`,
    });
    expect(await post("/status/x", Buffer.alloc(2 * MiB, 0x61))).toEqual({
      status: 200,
      body: `got ${2 * MiB}`,
    });
  });

  it("cuts an 800 MiB chunked body at the limit and closes the connection", async () => {
    handled = [];
    const rssBefore = process.memoryUsage().rss;
    const result = await new Promise<{ sent: number; response: string }>((resolve) => {
      const socket = net.connect(port, "127.0.0.1");
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      const frame = Buffer.concat([
        Buffer.from(`${chunk.length.toString(16)}\r\n`),
        chunk,
        Buffer.from("\r\n"),
      ]);
      let sent = 0;
      let response = "";
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        socket.destroy();
        resolve({ sent, response });
      };
      socket.on("data", (d: Buffer) => (response += d.toString("latin1")));
      socket.on("close", finish);
      socket.on("error", finish);
      const pump = () => {
        while (!done && sent < 800 * MiB) {
          sent += chunk.length;
          if (!socket.write(frame)) return void socket.once("drain", pump);
        }
        if (!done) socket.end("0\r\n\r\n");
      };
      socket.write(
        "POST /api/trpc/account.signUp HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n",
        pump,
      );
    });
    expect(result.sent).toBeLessThan(64 * MiB);
    expect(result.response).toMatch(/^HTTP\/1\.1 413/);
    expect(result.response).toContain("request body too large (limit 1 MiB)");
    expect(handled).toHaveLength(1);
    expect(handled[0]!.bytes).toBeLessThanOrEqual(API_BODY_LIMIT_BYTES);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(100 * MiB);
  });
});
