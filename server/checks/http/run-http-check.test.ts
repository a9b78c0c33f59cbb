import http, {
  type IncomingHttpHeaders,
  type IncomingMessage,
  type RequestListener,
  type ServerResponse,
} from "node:http";
import https from "node:https";
import net, { type AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { generate } from "selfsigned";
import { formatDate } from "@/server/domain/format/date-time";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  runHttpCheck,
  userAgent,
  type HttpCheckResult,
  type HttpCheckSpec,
} from "@/server/checks/http/run-http-check";

type Closeable = { close: () => void; closeAllConnections?: () => void };

const servers: Closeable[] = [];
const allowPrivate = { allowPrivateTargets: true };

afterEach(() => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections?.();
    server.close();
  }
});

function spec(url: string, overrides: Partial<HttpCheckSpec> = {}): HttpCheckSpec {
  return {
    url,
    method: "GET",
    headers: {},
    body: null,
    acceptedStatusCodes: ["200-399"],
    maxRedirects: 10,
    timeoutSecs: 10,
    keyword: null,
    keywordMustBeAbsent: false,
    ...overrides,
  };
}

async function listen(server: http.Server | net.Server, scheme: string): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `${scheme}://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function serveHttp(
  handler: (req: IncomingMessage, res: ServerResponse) => unknown,
): Promise<string> {
  // A handler that throws fails its own request (the check sees a reset), not the test run.
  const onRequest: RequestListener = (req, res) =>
    void Promise.resolve(handler(req, res)).catch(() => res.destroy());
  return listen(http.createServer(onRequest), "http");
}

function expectWellFormed(result: HttpCheckResult) {
  expect(Number.isInteger(result.durationMs)).toBe(true);
  expect(result.durationMs).toBeGreaterThanOrEqual(0);
  expect(result.error === null).toBe(result.errorKind === null);
  if (result.error !== null) expect(result.error).not.toContain("\n");
}

describe("runHttpCheck over HTTP", () => {
  it("is up for a healthy 200", async () => {
    const origin = await serveHttp((_req, res) => res.end("hello"));
    const result = await runHttpCheck(spec(`${origin}/health`), allowPrivate);
    expectWellFormed(result);
    expect(result).toMatchObject({
      status: "up",
      statusCode: 200,
      error: null,
      errorKind: null,
      tlsCertExpiresAt: null,
      finalUrl: `${origin}/health`,
      redirects: 0,
    });
  });

  it("is down on a 500, naming the expected and the actual status", async () => {
    const origin = await serveHttp((_req, res) => {
      res.statusCode = 500;
      res.end("boom");
    });
    const result = await runHttpCheck(spec(origin), allowPrivate);
    expectWellFormed(result);
    expect(result).toMatchObject({
      status: "down",
      statusCode: 500,
      errorKind: "status",
      error: "Unexpected status 500 (expected 200-399)",
    });
  });

  it("accepts exactly the configured status codes", async () => {
    const origin = await serveHttp((_req, res) => {
      res.statusCode = 418;
      res.end();
    });
    const accepted = await runHttpCheck(
      spec(origin, { acceptedStatusCodes: ["200", "418"] }),
      allowPrivate,
    );
    expect(accepted.status).toBe("up");
    const rejected = await runHttpCheck(
      spec(origin, { acceptedStatusCodes: ["200-299"] }),
      allowPrivate,
    );
    expect(rejected.error).toBe("Unexpected status 418 (expected 200-299)");
  });

  it("times out waiting for response headers from a target slower than the deadline", async () => {
    const origin = await serveHttp((_req, res) => {
      const timer = setTimeout(() => res.end("late"), 4_000);
      res.on("close", () => clearTimeout(timer));
    });
    const result = await runHttpCheck(spec(origin, { timeoutSecs: 1 }), allowPrivate);
    expectWellFormed(result);
    expect(result).toMatchObject({
      status: "timeout",
      errorKind: "timeout",
      statusCode: null,
      error: "Timed out after 1 s waiting for response headers",
    });
    expect(result.durationMs).toBeGreaterThanOrEqual(950);
    expect(result.durationMs).toBeLessThan(2_000);
  });

  it("times out a slowloris body trickling one byte every 200 ms", async () => {
    const origin = await serveHttp((_req, res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      res.flushHeaders();
      const timer = setInterval(() => res.write("x"), 200);
      res.on("close", () => clearInterval(timer));
    });
    const startedAt = performance.now();
    const result = await runHttpCheck(spec(origin, { timeoutSecs: 1 }), allowPrivate);
    expectWellFormed(result);
    expect(result).toMatchObject({
      status: "timeout",
      errorKind: "timeout",
      statusCode: 200,
      error: "Timed out after 1 s reading the body",
    });
    expect(result.durationMs).toBeGreaterThanOrEqual(950);
    expect(performance.now() - startedAt).toBeLessThan(2_000);
  });

  it("gives up on a redirect loop after maxRedirects", async () => {
    let requests = 0;
    const origin = await serveHttp((_req, res) => {
      requests += 1;
      res.writeHead(302, { location: "/loop" }).end();
    });
    const result = await runHttpCheck(spec(`${origin}/loop`, { maxRedirects: 10 }), allowPrivate);
    expectWellFormed(result);
    expect(result).toMatchObject({
      status: "down",
      statusCode: 302,
      errorKind: "too_many_redirects",
      error: "Too many redirects (more than 10)",
      redirects: 10,
      finalUrl: `${origin}/loop`,
    });
    expect(requests).toBe(11);
  });

  it("follows a chain of relative redirects to a 200", async () => {
    const origin = await serveHttp((req, res) => {
      if (req.url === "/start") return res.writeHead(301, { location: "next/step" }).end();
      if (req.url === "/next/step") return res.writeHead(307, { location: "../end?x=1" }).end();
      if (req.url === "/end?x=1") return res.end("arrived");
      res.writeHead(404).end();
    });
    const result = await runHttpCheck(
      spec(`${origin}/start`, { keyword: "arrived" }),
      allowPrivate,
    );
    expectWellFormed(result);
    expect(result).toMatchObject({
      status: "up",
      statusCode: 200,
      redirects: 2,
      finalUrl: `${origin}/end?x=1`,
    });
  });

  it("fails on any redirect when maxRedirects is 0", async () => {
    const origin = await serveHttp((_req, res) =>
      res.writeHead(302, { location: "/elsewhere" }).end(),
    );
    const result = await runHttpCheck(spec(origin, { maxRedirects: 0 }), allowPrivate);
    expect(result).toMatchObject({
      status: "down",
      statusCode: 302,
      errorKind: "too_many_redirects",
      error: "Too many redirects (more than 0)",
      redirects: 0,
    });
  });

  it("checks accepted status codes on the final response, not the redirect", async () => {
    const origin = await serveHttp((req, res) => {
      if (req.url === "/") return res.writeHead(302, { location: "/gone" }).end();
      res.writeHead(404).end();
    });
    const result = await runHttpCheck(spec(origin), allowPrivate);
    expect(result).toMatchObject({ statusCode: 404, errorKind: "status", redirects: 1 });
  });

  it("turns a POST into a bodiless GET on 303 but replays it on 307", async () => {
    const seen: { method?: string; body: string; contentType?: string }[] = [];
    const origin = await serveHttp(async (req, res) => {
      let body = "";
      for await (const chunk of req) body += String(chunk);
      seen.push({ method: req.method, body, contentType: req.headers["content-type"] });
      if (req.url === "/see-other") return res.writeHead(303, { location: "/done" }).end();
      if (req.url === "/temporary") return res.writeHead(307, { location: "/done" }).end();
      res.end("done");
    });
    const post = {
      method: "POST",
      body: "a=1",
      headers: { "content-type": "text/plain" },
    } as const;

    await runHttpCheck(spec(`${origin}/see-other`, post), allowPrivate);
    expect(seen.splice(0)[1]).toEqual({ method: "GET", body: "", contentType: undefined });

    await runHttpCheck(spec(`${origin}/temporary`, post), allowPrivate);
    expect(seen.splice(0)[1]).toEqual({ method: "POST", body: "a=1", contentType: "text/plain" });
  });

  it("stops reading a never-ending body at 1 MiB when the keyword never appears", async () => {
    const served = { bytes: 0, closedAfterMs: null as number | null };
    const origin = await serveHttp((_req, res) => {
      const startedAt = performance.now();
      const chunk = Buffer.alloc(64 * 1024, "a");
      res.writeHead(200, { "content-type": "text/plain" });
      // Bounded so that a client that never stops cannot keep this test writing forever.
      const pump = () => {
        while (!res.destroyed && served.bytes < 256 * 1_048_576) {
          served.bytes += chunk.length;
          if (!res.write(chunk)) return;
        }
      };
      res.on("drain", pump);
      res.on("close", () => (served.closedAfterMs = performance.now() - startedAt));
      pump();
    });
    const result = await runHttpCheck(spec(origin, { keyword: "needle" }), allowPrivate);
    expectWellFormed(result);
    expect(result).toMatchObject({
      status: "down",
      statusCode: 200,
      errorKind: "keyword_missing",
      error: 'Keyword "needle" not found in the first 1 MiB of the body',
    });
    await vi.waitFor(() => expect(served.closedAfterMs).not.toBeNull(), { timeout: 5_000 });
    expect(served.closedAfterMs).toBeLessThan(5_000);
    // What the server wrote is the 1 MiB read plus whatever the loopback socket buffers held.
    expect(served.bytes).toBeLessThan(64 * 1_048_576);
  });

  it("stops reading a never-ending body at 1 MiB without a keyword too", async () => {
    let closed = false;
    const origin = await serveHttp((_req, res) => {
      const timer = setInterval(() => res.write(Buffer.alloc(256 * 1024, "a")), 5);
      res.on("close", () => {
        closed = true;
        clearInterval(timer);
      });
    });
    const result = await runHttpCheck(spec(origin, { timeoutSecs: 5 }), allowPrivate);
    expect(result).toMatchObject({ status: "up", statusCode: 200 });
    expect(result.durationMs).toBeLessThan(4_000);
    await vi.waitFor(() => expect(closed).toBe(true), { timeout: 2_000 });
  });

  it.each([
    ["ok", false, "up", null],
    ["ok", true, "down", 'Keyword "ok" found in the body but must be absent'],
    ["fail", false, "down", 'Keyword "fail" not found in the body'],
    ["fail", true, "up", null],
    ["OK", false, "down", 'Keyword "OK" not found in the body'],
    ["split-keyword", false, "up", null],
  ])(
    "with keyword %j (must be absent: %s) is %s",
    async (keyword, keywordMustBeAbsent, status, error) => {
      const origin = await serveHttp((_req, res) => {
        res.write("status: ok, split-key");
        setTimeout(() => res.end("word and more"), 20);
      });
      const result = await runHttpCheck(
        spec(origin, { keyword, keywordMustBeAbsent }),
        allowPrivate,
      );
      expectWellFormed(result);
      expect(result).toMatchObject({ status, error });
      if (error) expect(result.errorKind).toMatch(/^keyword_(missing|present)$/);
    },
  );

  it("delivers a POST body and custom headers intact", async () => {
    let received: { method?: string; url?: string; headers?: IncomingHttpHeaders; body?: string } =
      {};
    const origin = await serveHttp(async (req, res) => {
      let body = "";
      for await (const chunk of req) body += String(chunk);
      received = { method: req.method, url: req.url, headers: req.headers, body };
      res.writeHead(201).end();
    });
    const body = JSON.stringify({ hello: "wörld", n: 1 });
    const result = await runHttpCheck(
      spec(`${origin}/api/items?x=1`, {
        method: "POST",
        body,
        headers: {
          "Content-Type": "application/json",
          "X-Api-Key": "s3cret",
          "User-Agent": "custom/2",
        },
      }),
      allowPrivate,
    );
    expect(result).toMatchObject({ status: "up", statusCode: 201 });
    expect(received).toMatchObject({ method: "POST", url: "/api/items?x=1", body });
    expect(received.headers).toMatchObject({
      "content-type": "application/json",
      "x-api-key": "s3cret",
      "user-agent": "custom/2",
      "content-length": String(Buffer.byteLength(body)),
    });
  });

  it("sends the Vigil user agent and no body on a GET", async () => {
    let received: { headers?: IncomingHttpHeaders; body?: string } = {};
    const origin = await serveHttp(async (req, res) => {
      let body = "";
      for await (const chunk of req) body += String(chunk);
      received = { headers: req.headers, body };
      res.end();
    });
    await runHttpCheck(spec(origin, { body: "ignored" }), allowPrivate);
    expect(received.headers?.["user-agent"]).toBe(userAgent);
    expect(received.body).toBe("");
  });

  it("works with HEAD", async () => {
    let method: string | undefined;
    const origin = await serveHttp((req, res) => {
      method = req.method;
      res
        .writeHead(200, { "content-length": "5" })
        .end(req.method === "HEAD" ? undefined : "hello");
    });
    const result = await runHttpCheck(spec(origin, { method: "HEAD" }), allowPrivate);
    expect(method).toBe("HEAD");
    expect(result).toMatchObject({ status: "up", statusCode: 200, error: null });
  });

  it("sends URL credentials as basic auth and leaves them out of finalUrl", async () => {
    let authorization: string | undefined;
    const origin = await serveHttp((req, res) => {
      authorization = req.headers.authorization;
      res.end();
    });
    const url = origin.replace("http://", "http://monitor:p%40ss@");
    const result = await runHttpCheck(spec(`${url}/private`), allowPrivate);
    expect(authorization).toBe(`Basic ${Buffer.from("monitor:p@ss").toString("base64")}`);
    expect(result.finalUrl).toBe(`${origin}/private`);
  });

  it("drops every header the user set on a redirect to another origin, keeping the user agent", async () => {
    let received: IncomingHttpHeaders = {};
    const other = await serveHttp((req, res) => {
      received = req.headers;
      res.end();
    });
    const origin = await serveHttp((_req, res) => res.writeHead(302, { location: other }).end());
    const headers = {
      Authorization: "Bearer secret",
      Cookie: "a=b",
      "X-Trace": "1",
      "X-Api-Key": "k",
    };
    const result = await runHttpCheck(spec(origin, { headers }), allowPrivate);
    expect(result).toMatchObject({ status: "up", redirects: 1, finalUrl: `${other}/` });
    expect(received.authorization).toBeUndefined();
    expect(received.cookie).toBeUndefined();
    expect(received["x-trace"]).toBeUndefined();
    expect(received["x-api-key"]).toBeUndefined();
    expect(received["user-agent"]).toBe(userAgent);
  });

  it("keeps the user's headers, and a replayed body's type, on a redirect within the same origin", async () => {
    let received: IncomingHttpHeaders = {};
    let body = "";
    const origin = await serveHttp(async (req, res) => {
      if (req.url === "/old") return void res.writeHead(307, { location: "/new" }).end();
      received = req.headers;
      for await (const chunk of req) body += String(chunk);
      res.end();
    });
    const headers = { "X-Trace": "1", "Content-Type": "application/json" };
    const result = await runHttpCheck(
      spec(`${origin}/old`, { method: "POST", body: "{}", headers }),
      allowPrivate,
    );
    expect(result).toMatchObject({ status: "up", redirects: 1 });
    expect(received["x-trace"]).toBe("1");
    expect(received["content-type"]).toBe("application/json");
    expect(body).toBe("{}");
  });

  it("keeps a replayed body's type but no other user header on a 307 to another origin", async () => {
    let received: IncomingHttpHeaders = {};
    let body = "";
    const other = await serveHttp(async (req, res) => {
      received = req.headers;
      for await (const chunk of req) body += String(chunk);
      res.end();
    });
    const origin = await serveHttp((_req, res) => res.writeHead(307, { location: other }).end());
    const headers = { "X-Trace": "1", "Content-Type": "application/json" };
    const result = await runHttpCheck(
      spec(origin, { method: "POST", body: "{}", headers }),
      allowPrivate,
    );
    expect(result).toMatchObject({ status: "up", redirects: 1 });
    expect(received["x-trace"]).toBeUndefined();
    expect(received["content-type"]).toBe("application/json");
    expect(body).toBe("{}");
  });

  it("reports a refused connection on a closed port", async () => {
    const origin = await serveHttp(() => undefined);
    const port = new URL(origin).port;
    servers.pop()?.close();
    const result = await runHttpCheck(spec(origin), allowPrivate);
    expectWellFormed(result);
    expect(result).toMatchObject({
      status: "down",
      errorKind: "connection_refused",
      error: `Connection refused (127.0.0.1:${port})`,
    });
  });

  it("reports a server that closes the connection without answering", async () => {
    const origin = await serveHttp((req) => req.socket.destroy());
    const result = await runHttpCheck(spec(origin), allowPrivate);
    expect(result).toMatchObject({ status: "down", errorKind: "connection_reset" });
    expect(result.error).toMatch(/waiting for response headers/);
  });

  it("fails DNS for a .invalid host, naming the phase", async () => {
    const result = await runHttpCheck(
      spec("http://nope.invalid/", { timeoutSecs: 2 }),
      allowPrivate,
    );
    expectWellFormed(result);
    expect(result.status).not.toBe("up");
    expect(result.error).toMatch(
      /^(DNS lookup failed for nope\.invalid \(\w+\)|Timed out after 2 s during DNS lookup for nope\.invalid)$/,
    );
    expect(result.durationMs).toBeLessThan(3_000);
  });

  it.each([
    ["not a url", 'Invalid URL: "not a url"'],
    [
      "ftp://example.com/file",
      "Unsupported URL scheme ftp (use http or https): ftp://example.com/file",
    ],
  ])("refuses %j as an invalid URL", async (url, error) => {
    const result = await runHttpCheck(spec(url), allowPrivate);
    expect(result).toMatchObject({
      status: "down",
      errorKind: "invalid_url",
      error,
      finalUrl: url,
    });
  });

  it("fails a redirect to a non-http scheme as an invalid URL", async () => {
    const origin = await serveHttp((_req, res) =>
      res.writeHead(301, { location: "ftp://x/y" }).end(),
    );
    const result = await runHttpCheck(spec(origin), allowPrivate);
    expect(result).toMatchObject({ errorKind: "invalid_url", statusCode: 301 });
  });

  it("reports bad accepted status codes instead of throwing", async () => {
    const result = await runHttpCheck(
      spec("http://127.0.0.1:1/", { acceptedStatusCodes: ["2xx"] }),
      allowPrivate,
    );
    expect(result).toMatchObject({ status: "down", errorKind: "other" });
    expect(result.error).toMatch(/Invalid accepted status code "2xx"/);
  });

  it("reports a header Node refuses to send instead of throwing", async () => {
    const result = await runHttpCheck(
      spec("http://127.0.0.1:1/", { headers: { "x-bad": "line\nbreak" } }),
      allowPrivate,
    );
    expect(result).toMatchObject({ status: "down", errorKind: "other" });
  });
});

describe("runHttpCheck with private targets disallowed", () => {
  it.each(["127.0.0.1", "localhost", "[::ffff:127.0.0.1]"])(
    "blocks %s before sending anything",
    async (host) => {
      let requests = 0;
      const origin = await serveHttp((_req, res) => {
        requests += 1;
        res.end();
      });
      const url = origin.replace("127.0.0.1", host);
      const result = await runHttpCheck(spec(url), { allowPrivateTargets: false });
      expectWellFormed(result);
      expect(result).toMatchObject({ status: "down", errorKind: "blocked_target" });
      expect(result.error).toMatch(
        /^Blocked target: .*(127\.0\.0\.1|::1|::ffff:7f00:1).*private address$/,
      );
      expect(requests).toBe(0);
    },
  );
});

describe("runHttpCheck over HTTPS", () => {
  const now = Date.now();
  const validUntil = new Date(now + 30 * 86_400_000);
  const expiredOn = new Date(now - 86_400_000);
  let validPems: { key: string; cert: string };
  let expiredPems: { key: string; cert: string };

  beforeAll(async () => {
    const attrs = [{ name: "commonName", value: "localhost" }];
    const options = { keyType: "ec", algorithm: "sha256" } as const;
    const [valid, expired] = await Promise.all([
      generate(attrs, {
        ...options,
        notBeforeDate: new Date(now - 86_400_000),
        notAfterDate: validUntil,
      }),
      generate(attrs, {
        ...options,
        notBeforeDate: new Date(now - 10 * 86_400_000),
        notAfterDate: expiredOn,
      }),
    ]);
    validPems = { key: valid.private, cert: valid.cert };
    expiredPems = { key: expired.private, cert: expired.cert };
  });

  function serveHttps(pems: { key: string; cert: string }, onRequest: () => void) {
    return listen(
      https.createServer(pems, (_req, res) => {
        onRequest();
        res.end("secret");
      }),
      "https",
    );
  }

  it("fails a self-signed certificate without sending the request, recording its expiry", async () => {
    let requests = 0;
    const origin = await serveHttps(validPems, () => (requests += 1));
    const result = await runHttpCheck(
      spec(origin, { headers: { authorization: "Bearer x" } }),
      allowPrivate,
    );
    expectWellFormed(result);
    expect(result).toMatchObject({
      status: "down",
      statusCode: null,
      errorKind: "tls_self_signed",
      error: "Self-signed TLS certificate",
    });
    expect(result.tlsCertExpiresAt).toBeInstanceOf(Date);
    expect(Math.abs((result.tlsCertExpiresAt?.getTime() ?? 0) - validUntil.getTime())).toBeLessThan(
      1_000,
    );
    expect(requests).toBe(0);
  });

  it("fails an expired certificate, naming the expiry date", async () => {
    const origin = await serveHttps(expiredPems, () => undefined);
    const result = await runHttpCheck(spec(origin), allowPrivate);
    expectWellFormed(result);
    expect(result).toMatchObject({
      status: "down",
      errorKind: "tls_expired",
      error: `TLS certificate expired on ${formatDate(expiredOn)}`,
    });
    expect(Math.abs((result.tlsCertExpiresAt?.getTime() ?? 0) - expiredOn.getTime())).toBeLessThan(
      1_000,
    );
  });

  it("times out in the TLS handshake against a server that never speaks TLS", async () => {
    const origin = await listen(
      net.createServer(() => undefined),
      "https",
    );
    const result = await runHttpCheck(spec(origin, { timeoutSecs: 1 }), allowPrivate);
    expect(result).toMatchObject({
      status: "timeout",
      errorKind: "timeout",
      error: "Timed out after 1 s during TLS handshake",
      tlsCertExpiresAt: null,
    });
  });

  it("fails TLS against a plain HTTP server", async () => {
    const origin = await serveHttp((_req, res) => res.end());
    const result = await runHttpCheck(spec(origin.replace("http:", "https:")), allowPrivate);
    expect(result).toMatchObject({ status: "down", errorKind: "tls" });
    expect(result.error).toMatch(/^TLS handshake failed \(.+\)$/);
  });
});
