import http from "node:http";
import type net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loopbackRequest } from "@/server/http/status-pages/loopback-request";

describe("loopbackRequest", () => {
  let server: http.Server;
  let origin = "";
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (req.url === "/hang") return; // never answers
      if (req.method === "POST") {
        let posted = "";
        req.on("data", (c: Buffer) => (posted += c.toString()));
        req.on("end", () => res.writeHead(201).end(`got ${posted}`));
        return;
      }
      if (req.url === "/stall") return res.writeHead(200).write("a start, then nothing");
      if (req.url === "/cut") {
        res.writeHead(200, { "content-length": "1000" }).write("only part of it");
        setTimeout(() => res.socket?.destroy(), 20);
        return;
      }
      res.writeHead(req.url === "/missing" ? 404 : 200, { "content-type": "text/html" });
      res.write(`<p>${req.headers["x-probe"] ?? ""}</p>`);
      res.end("x".repeat(100_000));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  it("reads the whole body, the status and the content type, with the headers it was given", async () => {
    const res = await loopbackRequest(`${origin}/page`, {
      headers: { "x-probe": "hello" },
      timeoutMs: 5_000,
    });
    expect(res.status).toBe(200);
    expect(res.contentType).toBe("text/html");
    expect(res.body.toString()).toBe(`<p>hello</p>${"x".repeat(100_000)}`);
    expect(
      (await loopbackRequest(`${origin}/missing`, { headers: {}, timeoutMs: 5_000 })).status,
    ).toBe(404);
  });

  it("sends a method and a body", async () => {
    const res = await loopbackRequest(`${origin}/post`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"a":1}',
      timeoutMs: 5_000,
    });
    expect([res.status, res.body.toString()]).toEqual([201, 'got {"a":1}']);
  });

  it("fails when the server does not answer in time", async () => {
    await expect(
      loopbackRequest(`${origin}/hang`, { headers: {}, timeoutMs: 200 }),
    ).rejects.toThrow(/did not answer in time/);
    await expect(
      loopbackRequest(`${origin}/stall`, { headers: {}, timeoutMs: 200 }),
    ).rejects.toThrow(/did not answer in time/);
  });

  it("fails when the connection drops halfway through the body", async () => {
    await expect(
      loopbackRequest(`${origin}/cut`, { headers: {}, timeoutMs: 5_000 }),
    ).rejects.toThrow();
  });

  it("asks once more on a new connection when a kept-alive one turns out closed", async () => {
    // Drops a connection at its second request, as a server does whose idle timeout just ran out.
    const served = new WeakMap<object, number>();
    const closing = http.createServer((req, res) => {
      const n = (served.get(req.socket) ?? 0) + 1;
      served.set(req.socket, n);
      if (n > 1) return req.socket.destroy();
      res.end("fresh");
    });
    await new Promise<void>((resolve) => closing.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(closing.address() as net.AddressInfo).port}/`;
    try {
      for (let i = 0; i < 3; i++)
        expect(
          (await loopbackRequest(url, { headers: {}, timeoutMs: 5_000 })).body.toString(),
        ).toBe("fresh");
    } finally {
      closing.closeAllConnections();
      closing.close();
    }
  });

  it("fails when nothing listens", async () => {
    await expect(
      loopbackRequest("http://127.0.0.1:9/", { headers: {}, timeoutMs: 5_000 }),
    ).rejects.toThrow();
  });
});
