import http from "node:http";

export type ServerTimeouts = {
  /** Time allowed for the request line and headers. */
  headersTimeoutMs: number;
  /** Time allowed for the whole request (headers and body); not the response, not an upgraded socket. */
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
  /** How often Node looks for connections past those timeouts. */
  checkIntervalMs: number;
};

const DEFAULT_SERVER_TIMEOUTS: ServerTimeouts = {
  headersTimeoutMs: 20_000,
  requestTimeoutMs: 60_000,
  keepAliveTimeoutMs: 5_000,
  checkIntervalMs: 2_000,
};

/**
 * The custom server's HTTP server, with timeouts and header limits that bound what a slow or
 * silent client (slowloris) can hold: its headers must arrive within headersTimeoutMs.
 */
export function createHttpServer(timeouts: ServerTimeouts = DEFAULT_SERVER_TIMEOUTS): http.Server {
  const server = http.createServer({
    headersTimeout: timeouts.headersTimeoutMs,
    requestTimeout: timeouts.requestTimeoutMs,
    keepAliveTimeout: timeouts.keepAliveTimeoutMs,
    connectionsCheckingInterval: timeouts.checkIntervalMs,
    maxHeaderSize: 16 * 1024,
  });
  server.maxHeadersCount = 100;
  return server;
}
