import http, { type RequestListener } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { runHttpCheck, type HttpCheckSpec } from "@/server/checks/http/run-http-check";
import { maxBodyBytes } from "@/server/checks/http/create-body-scanner";
import { assertionsToConditions, type Assertion } from "@/server/domain/monitors/assertions";

const servers: http.Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
  }
});

async function serve(handler: RequestListener): Promise<string> {
  const server = http.createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function spec(url: string, assertions: Assertion[], over: Partial<HttpCheckSpec> = {}) {
  return {
    url,
    method: "GET" as const,
    headers: {},
    body: null,
    acceptedStatusCodes: ["200-399"],
    maxRedirects: 10,
    timeoutSecs: 10,
    keyword: null,
    keywordMustBeAbsent: false,
    conditions: assertionsToConditions(assertions),
    ...over,
  };
}
const check = (s: HttpCheckSpec) => runHttpCheck(s, { allowPrivateTargets: true });

describe("assertions on every HTTP check", () => {
  it("is up when every assertion holds", async () => {
    const origin = await serve((_req, res) => res.end('{"status":"ok"}\n'));
    const result = await check(
      spec(origin, [
        { source: "status_code", comparison: "eq", target: "200" },
        { source: "response_time", comparison: "lt", target: "5000" },
        { source: "body", comparison: "contains", target: '"ok"' },
        { source: "body", comparison: "eq", target: '{"status":"ok"}' },
      ]),
    );
    expect(result).toMatchObject({ status: "up", error: null, errorKind: null });
  });

  it("is down naming the failing assertion and the value seen", async () => {
    const origin = await serve((_req, res) => res.end("degraded"));
    const result = await check(
      spec(origin, [
        { source: "status_code", comparison: "eq", target: "200" },
        { source: "body", comparison: "eq", target: "healthy" },
      ]),
    );
    expect(result).toMatchObject({
      status: "down",
      statusCode: 200,
      errorKind: "assertion",
      error: 'Assertion failed: body eq "healthy" (got "degraded")',
    });
  });

  it("fails a status code assertion on the final response after redirects", async () => {
    const origin = await serve((req, res) => {
      if (req.url === "/") res.writeHead(302, { location: "/made" }).end();
      else res.writeHead(201).end("made");
    });
    const result = await check(
      spec(origin, [{ source: "status_code", comparison: "eq", target: "200" }]),
    );
    expect(result.error).toBe('Assertion failed: status code eq "200" (got 201)');
  });

  it("fails a response time assertion on a slow target", async () => {
    const origin = await serve((_req, res) => setTimeout(() => res.end("late"), 120));
    const result = await check(
      spec(origin, [{ source: "response_time", comparison: "lt", target: "50" }]),
    );
    expect(result.error).toMatch(/^Assertion failed: response time lt "50" \(got \d+ ms\)$/);
  });

  it("searches a large body without keeping it, and says only 1 MiB was searched", async () => {
    const origin = await serve((_req, res) => {
      res.write("x".repeat(maxBodyBytes));
      res.end("needle");
    });
    const result = await check(
      spec(origin, [{ source: "body", comparison: "contains", target: "needle" }]),
    );
    expect(result.error).toBe(
      'Assertion failed: body contains "needle" (not found in the first 1 MiB of the body)',
    );
  });

  it("finds a substring split across chunks and refuses one that must be absent", async () => {
    const origin = await serve((_req, res) => {
      res.write("all systems ope");
      setTimeout(() => res.end("rational, error count 0"), 20);
    });
    const result = await check(
      spec(origin, [
        { source: "body", comparison: "contains", target: "operational" },
        { source: "body", comparison: "not_contains", target: "error" },
      ]),
    );
    expect(result.error).toBe('Assertion failed: body not contains "error" (found in the body)');
  });

  it("checks the keyword before the assertions", async () => {
    const origin = await serve((_req, res) => res.end("nothing"));
    const result = await check(
      spec(origin, [{ source: "body", comparison: "contains", target: "x" }], { keyword: "ok" }),
    );
    expect(result.errorKind).toBe("keyword_missing");
  });

  it("compares a numeric body", async () => {
    const origin = await serve((_req, res) => res.end("17\n"));
    const result = await check(spec(origin, [{ source: "body", comparison: "lte", target: "10" }]));
    expect(result.error).toBe('Assertion failed: body lte "10" (got "17")');
  });

  it("lets a status_code assertion decide instead of the accepted codes", async () => {
    const origin = await serve((_req, res) => res.writeHead(404).end("gone, as it should be"));
    const expectGone = spec(origin, [
      { source: "status_code", comparison: "eq", target: "404" },
      { source: "body", comparison: "contains", target: "gone" },
    ]);
    expect(await check(expectGone)).toMatchObject({ status: "up", statusCode: 404, error: null });

    const expectOk = spec(origin, [{ source: "status_code", comparison: "eq", target: "200" }]);
    expect(await check(expectOk)).toMatchObject({
      status: "down",
      errorKind: "assertion",
      error: 'Assertion failed: status code eq "200" (got 404)',
    });
  });

  it("keeps the accepted codes when no assertion is about the status code", async () => {
    const origin = await serve((_req, res) => res.writeHead(404).end("gone"));
    const result = await check(
      spec(origin, [{ source: "body", comparison: "contains", target: "gone" }]),
    );
    expect(result).toMatchObject({
      status: "down",
      errorKind: "status",
      error: "Unexpected status 404 (expected 200-399)",
    });
  });
});
