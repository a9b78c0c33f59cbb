import { BlockedTargetError } from "@/server/checks/http/guarded-lookup";
import type { HttpErrorKind } from "@/server/checks/http/http-check-types";
import { formatDate } from "@/server/domain/format/date-time";

export type HttpFailure = { kind: HttpErrorKind; message: string };
export type RequestPhase = "dns" | "connect" | "tls" | "headers" | "body";
export type Target = { host: string; port: number };

type NetworkError = Error & {
  code?: string;
  syscall?: string;
  address?: string;
  port?: number;
  reason?: string;
  errors?: unknown[];
};

const dnsCodes = new Set(["ENOTFOUND", "EAI_AGAIN", "EAI_FAIL", "EAI_NODATA", "EAI_NONAME"]);

const phaseWording: Record<RequestPhase, (target: Target) => string> = {
  dns: ({ host }) => `during DNS lookup for ${host}`,
  connect: (target) => `connecting to ${formatAddress(target.host, target.port)}`,
  tls: () => "during TLS handshake",
  headers: () => "waiting for response headers",
  body: () => "reading the body",
};

export function describeTimeout(timeoutSecs: number, phase: RequestPhase, target: Target) {
  return {
    kind: "timeout",
    message: `Timed out after ${timeoutSecs} s ${phaseWording[phase](target)}`,
  } satisfies HttpFailure;
}

/** Classifies an error from `http.request` into one readable line. */
export function describeRequestError(
  error: unknown,
  phase: RequestPhase,
  target: Target,
): HttpFailure {
  if (error instanceof BlockedTargetError)
    return { kind: "blocked_target", message: error.message };
  const failure = (error instanceof Error ? error : new Error(String(error))) as NetworkError;
  const code = failure.code ?? "";
  const inPhase = `${phase === "dns" || phase === "tls" ? "" : "while "}${phaseWording[phase](target)}`;
  if (dnsCodes.has(code) || failure.syscall === "getaddrinfo") {
    return { kind: "dns", message: `DNS lookup failed for ${target.host} (${code || "error"})` };
  }
  if (code === "ECONNREFUSED") {
    return {
      kind: "connection_refused",
      message: `Connection refused (${refusedAddresses(failure, target)})`,
    };
  }
  if (code === "ETIMEDOUT") {
    return { kind: "timeout", message: `Connection timed out ${inPhase} (ETIMEDOUT)` };
  }
  if (code === "ECONNRESET" || code === "EPIPE") {
    const detail = failure.message === "socket hang up" ? "socket hang up" : code;
    return {
      kind: "connection_reset",
      message: `Connection closed by the server ${inPhase} (${detail})`,
    };
  }
  if (phase === "tls" || code === "EPROTO" || /^ERR_(SSL|TLS)_/.test(code)) {
    const opensslReason = /SSL routines:[^:]*:([^:]+)/.exec(failure.message)?.[1];
    const reason = failure.reason ?? opensslReason ?? (code || oneLine(failure.message));
    return { kind: "tls", message: `TLS handshake failed (${reason})` };
  }
  if (code.startsWith("HPE_")) {
    return { kind: "other", message: `Invalid HTTP response ${inPhase} (${code})` };
  }
  if (code === "EHOSTUNREACH" || code === "ENETUNREACH") {
    return { kind: "other", message: `Host unreachable ${inPhase} (${code})` };
  }
  return {
    kind: "other",
    message: oneLine(code ? `${failure.message} (${code})` : failure.message),
  };
}

/** Classifies `socket.authorizationError` for a certificate the handshake did not trust. */
export function describeCertificateError(
  code: string,
  expiresAt: Date | null,
  host: string,
): HttpFailure {
  switch (code) {
    case "CERT_HAS_EXPIRED":
      return {
        kind: "tls_expired",
        message: expiresAt
          ? `TLS certificate expired on ${formatDate(expiresAt)}`
          : "TLS certificate expired",
      };
    case "DEPTH_ZERO_SELF_SIGNED_CERT":
      return { kind: "tls_self_signed", message: "Self-signed TLS certificate" };
    case "SELF_SIGNED_CERT_IN_CHAIN":
      return { kind: "tls_self_signed", message: "Self-signed certificate in the TLS chain" };
    case "ERR_TLS_CERT_ALTNAME_INVALID":
      return { kind: "tls", message: `TLS certificate is not valid for ${host}` };
    case "CERT_NOT_YET_VALID":
      return { kind: "tls", message: "TLS certificate is not valid yet" };
    default:
      return { kind: "tls", message: `Untrusted TLS certificate (${code})` };
  }
}

function refusedAddresses(error: NetworkError, target: Target): string {
  const attempts = [error, ...(error.errors ?? [])] as NetworkError[];
  const addresses = attempts
    .filter((attempt) => attempt.address !== undefined)
    .map((attempt) => formatAddress(attempt.address ?? "", attempt.port ?? target.port));
  const unique = [...new Set(addresses)];
  return unique.length > 0 ? unique.join(", ") : formatAddress(target.host, target.port);
}

function formatAddress(host: string, port: number): string {
  return host.includes(":") ? `[${host}]:${port}` : `${host}:${port}`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
