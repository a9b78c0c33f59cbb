import http, { type ClientRequest, type IncomingHttpHeaders } from "node:http";
import https from "node:https";
import net from "node:net";
import { type TLSSocket } from "node:tls";
import { performance } from "node:perf_hooks";
import {
  describeCertificateError,
  describeRequestError,
  describeTimeout,
  type HttpFailure,
  type RequestPhase,
  type Target,
} from "@/server/checks/http/describe-request-error";
import { guardedLookup } from "@/server/checks/http/guarded-lookup";
import {
  createBodyScanner,
  type BodyScan,
  type BodyWatch,
} from "@/server/checks/http/create-body-scanner";
import type { HttpCheckSpec } from "@/server/checks/http/http-check-types";

export type Hop = {
  url: URL;
  method: HttpCheckSpec["method"];
  headers: Record<string, string>;
  body: string | null;
};

export type SendOptions = {
  deadline: number;
  timeoutSecs: number;
  isDnsGuarded: boolean;
  keyword: string | null;
  /** Set when assertions look at the body. */
  watch?: BodyWatch;
  shouldReadBody: (statusCode: number, headers: IncomingHttpHeaders) => boolean;
};

export type Exchange = {
  statusCode: number | null;
  location: string | null;
  body: BodyScan | null;
  tlsCertExpiresAt: Date | null;
  failure: HttpFailure | null;
};

const phaseOrder: readonly RequestPhase[] = ["dns", "connect", "tls", "headers", "body"];
const maxTimerMs = 2_147_483_647;

/** Makes one request on a fresh connection and settles, never rejecting, by the deadline. */
export function sendRequest(hop: Hop, options: SendOptions): Promise<Exchange> {
  return new Promise((resolve) => {
    const isHttps = hop.url.protocol === "https:";
    const target: Target = {
      host: hop.url.hostname.replace(/^\[(.*)\]$/, "$1"),
      port: Number(hop.url.port) || (isHttps ? 443 : 80),
    };
    const exchange: Exchange = {
      statusCode: null,
      location: null,
      body: null,
      tlsCertExpiresAt: null,
      failure: null,
    };
    let phase: RequestPhase = net.isIP(target.host) === 0 ? "dns" : "connect";
    const advance = (next: RequestPhase) => {
      if (phaseOrder.indexOf(next) > phaseOrder.indexOf(phase)) phase = next;
    };

    let request: ClientRequest;
    try {
      request = (isHttps ? https : http).request({
        protocol: hop.url.protocol,
        hostname: target.host,
        port: target.port,
        path: `${hop.url.pathname}${hop.url.search}`,
        method: hop.method,
        headers: hop.headers,
        auth: credentialsOf(hop.url),
        agent: false,
        lookup: options.isDnsGuarded ? guardedLookup : undefined,
        rejectUnauthorized: false,
      });
    } catch (error) {
      resolve({ ...exchange, failure: describeRequestError(error, phase, target) });
      return;
    }

    let isSettled = false;
    const settle = (outcome: Partial<Exchange>) => {
      if (isSettled) return;
      isSettled = true;
      clearTimeout(timer);
      request.destroy();
      resolve({ ...exchange, ...outcome });
    };
    // Timers run off the event loop's cached clock and can fire early; re-arm until truly due.
    const onTimer = () => {
      const remainingMs = options.deadline - performance.now();
      if (!(remainingMs > 0)) {
        return settle({ failure: describeTimeout(options.timeoutSecs, phase, target) });
      }
      timer = setTimeout(onTimer, Math.min(maxTimerMs, Math.ceil(remainingMs)));
    };
    let timer = setTimeout(onTimer, 0);

    request.on("error", (error) => settle({ failure: describeRequestError(error, phase, target) }));
    request.on("socket", (socket) => {
      socket.once("lookup", () => advance("connect"));
      socket.once("connect", () => advance(isHttps ? "tls" : "headers"));
      socket.once("secureConnect", () => {
        const tlsSocket = socket as TLSSocket;
        const validTo = new Date(tlsSocket.getPeerCertificate().valid_to ?? "");
        exchange.tlsCertExpiresAt = Number.isNaN(validTo.getTime()) ? null : validTo;
        advance("headers");
        // Verification is ours (rejectUnauthorized is off to keep the certificate); destroying the
        // socket here, inside the handshake callback, sends no request bytes to an untrusted peer.
        if (!tlsSocket.authorized) {
          const code = String(tlsSocket.authorizationError);
          settle({
            failure: describeCertificateError(code, exchange.tlsCertExpiresAt, target.host),
          });
        }
      });
    });
    request.on("response", (response) => {
      advance("body");
      response.on("error", (error) =>
        settle({ failure: describeRequestError(error, phase, target) }),
      );
      const statusCode = response.statusCode ?? 0;
      exchange.statusCode = statusCode;
      exchange.location = response.headers.location ?? null;
      if (!options.shouldReadBody(statusCode, response.headers)) return settle({});
      const scanner = createBodyScanner(options.keyword, options.watch);
      response.on("data", (chunk: Buffer) => {
        if (scanner.push(chunk)) settle({ body: scanner.result() });
      });
      response.on("end", () => settle({ body: scanner.result() }));
    });

    request.end(hop.body ?? undefined);
  });
}

function credentialsOf(url: URL): string | undefined {
  if (url.username === "" && url.password === "") return undefined;
  return `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
}
