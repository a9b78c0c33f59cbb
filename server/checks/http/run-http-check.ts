import net from "node:net";
import { performance } from "node:perf_hooks";
import { isPrivateAddress } from "@/server/checks/http/classify-address";
import { type BodyScan } from "@/server/checks/http/create-body-scanner";
import { type HttpFailure } from "@/server/checks/http/describe-request-error";
import { parseAcceptedStatusCodes } from "@/server/checks/http/parse-accepted-status-codes";
import { sendRequest, type Hop } from "@/server/checks/http/send-request";
import {
  bodyHeadBytes,
  bodyNeedles,
  conditionsToAssertions,
  evaluateAssertions,
  isStatusAdmitted,
  type Assertion,
} from "@/server/domain/monitors/assertions";
import type { HttpCheckResult, HttpCheckSpec } from "@/server/checks/http/http-check-types";

export type { HttpCheckResult, HttpCheckSpec } from "@/server/checks/http/http-check-types";

export const userAgent = "Vigil-Monitor/1.0 (+https://github.com/vigil)";

const redirectStatuses = new Set([301, 302, 303, 307, 308]);
const methodsWithBody = new Set<HttpCheckSpec["method"]>([
  "POST",
  "PUT",
  "PATCH",
  "DELETE",
  "OPTIONS",
]);
const bodyHeaders = new Set([
  "content-type",
  "content-length",
  "content-encoding",
  "content-language",
  "content-location",
]);
// As browsers do, a redirect to another origin carries none of the user's headers, only ours
// and those that describe a body still being sent.
const keptAcrossOrigins = new Set(["user-agent", ...bodyHeaders]);

/** Runs one HTTP(S) check within `spec.timeoutSecs`; every failure comes back as a result. */
export async function runHttpCheck(
  spec: HttpCheckSpec,
  options: { allowPrivateTargets: boolean },
): Promise<HttpCheckResult> {
  const startedAt = performance.now();
  const result: HttpCheckResult = {
    status: "up",
    statusCode: null,
    durationMs: 0,
    error: null,
    errorKind: null,
    tlsCertExpiresAt: null,
    finalUrl: spec.url,
    redirects: 0,
  };
  const finish = (failure: HttpFailure | null): HttpCheckResult => ({
    ...result,
    status: failure === null ? "up" : failure.kind === "timeout" ? "timeout" : "down",
    durationMs: Math.max(0, Math.round(performance.now() - startedAt)),
    error: failure?.message ?? null,
    errorKind: failure?.kind ?? null,
  });

  try {
    const assertions = conditionsToAssertions(spec.conditions ?? []);
    const isAccepted = parseAcceptedStatusCodes(spec.acceptedStatusCodes);
    const accepts = (code: number) => isStatusAdmitted(assertions, code, isAccepted);
    const needles = bodyNeedles(assertions);
    const headBytes = bodyHeadBytes(assertions);
    const firstUrl = parseTargetUrl(spec.url, "URL");
    if (typeof firstUrl === "string") return finish({ kind: "invalid_url", message: firstUrl });
    let hop: Hop = {
      url: firstUrl,
      method: spec.method,
      headers: withUserAgent(spec.headers),
      body: methodsWithBody.has(spec.method) ? spec.body : null,
    };
    for (;;) {
      result.finalUrl = withoutCredentials(hop.url);
      const blocked = blockedLiteral(hop.url, options.allowPrivateTargets);
      if (blocked) return finish({ kind: "blocked_target", message: blocked });

      const exchange = await sendRequest(hop, {
        deadline: startedAt + spec.timeoutSecs * 1000,
        timeoutSecs: spec.timeoutSecs,
        isDnsGuarded: !options.allowPrivateTargets,
        keyword: spec.keyword,
        watch: needles.length > 0 || headBytes > 0 ? { needles, headBytes } : undefined,
        shouldReadBody: (statusCode, headers) =>
          hop.method !== "HEAD" &&
          !(redirectStatuses.has(statusCode) && headers.location !== undefined) &&
          accepts(statusCode),
      });
      result.statusCode = exchange.statusCode ?? result.statusCode;
      result.tlsCertExpiresAt = exchange.tlsCertExpiresAt ?? result.tlsCertExpiresAt;
      if (exchange.failure) return finish(exchange.failure);
      const statusCode = exchange.statusCode ?? 0;

      if (redirectStatuses.has(statusCode) && exchange.location !== null) {
        // Negated so that a NaN limit follows no redirect rather than every one.
        if (!(result.redirects < spec.maxRedirects)) {
          const message = `Too many redirects (more than ${spec.maxRedirects})`;
          return finish({ kind: "too_many_redirects", message });
        }
        const next = parseTargetUrl(exchange.location, "redirect Location", hop.url);
        if (typeof next === "string") return finish({ kind: "invalid_url", message: next });
        hop = followRedirect(hop, statusCode, next);
        result.redirects += 1;
        continue;
      }

      if (!accepts(statusCode)) {
        const expected = spec.acceptedStatusCodes.join(", ");
        const message = `Unexpected status ${statusCode} (expected ${expected})`;
        return finish({ kind: "status", message });
      }
      return finish(
        keywordFailure(spec, exchange.body) ??
          assertionFailure(assertions, statusCode, startedAt, exchange.body),
      );
    }
  } catch (error) {
    return finish({
      kind: "other",
      message: error instanceof Error ? error.message : String(error),
    });
  }
}

function parseTargetUrl(text: string, label: string, base?: URL): URL | string {
  let url: URL;
  try {
    url = new URL(text, base);
  } catch {
    return `Invalid ${label}: ${JSON.stringify(text)}`;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return `Unsupported ${label} scheme ${url.protocol.slice(0, -1)} (use http or https): ${url.href}`;
  }
  return url;
}

function withoutCredentials(url: URL): string {
  const shown = new URL(url);
  shown.username = "";
  shown.password = "";
  return shown.href;
}

function blockedLiteral(url: URL, allowPrivateTargets: boolean): string | null {
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  if (allowPrivateTargets || net.isIP(host) === 0 || !isPrivateAddress(host)) return null;
  return `Blocked target: ${host} is a private address`;
}

function withUserAgent(headers: Record<string, string>): Record<string, string> {
  const hasUserAgent = Object.keys(headers).some((name) => name.toLowerCase() === "user-agent");
  return hasUserAgent ? { ...headers } : { ...headers, "user-agent": userAgent };
}

/** Browsers' rules: 303, and 301/302 after POST, become a GET without body. */
function followRedirect(hop: Hop, statusCode: number, url: URL): Hop {
  const isNowGet =
    (statusCode === 303 && hop.method !== "HEAD") ||
    ((statusCode === 301 || statusCode === 302) && hop.method === "POST");
  const isCrossOrigin = url.origin !== hop.url.origin;
  const headers = Object.fromEntries(
    Object.entries(hop.headers).filter(([name]) => {
      const lower = name.toLowerCase();
      return (
        !(isNowGet && bodyHeaders.has(lower)) && !(isCrossOrigin && !keptAcrossOrigins.has(lower))
      );
    }),
  );
  return {
    url,
    method: isNowGet ? "GET" : hop.method,
    headers,
    body: isNowGet ? null : hop.body,
  };
}

function assertionFailure(
  assertions: Assertion[],
  statusCode: number,
  startedAt: number,
  body: BodyScan | null,
): HttpFailure | null {
  if (assertions.length === 0) return null;
  const verdict = evaluateAssertions(assertions, {
    statusCode,
    responseTimeMs: Math.max(0, Math.round(performance.now() - startedAt)),
    body: body?.seen ?? null,
  });
  return verdict.ok ? null : { kind: "assertion", message: verdict.error };
}

function keywordFailure(spec: HttpCheckSpec, body: BodyScan | null): HttpFailure | null {
  if (spec.keyword === null) return null;
  const keyword = JSON.stringify(spec.keyword);
  if (body === null) {
    if (spec.keywordMustBeAbsent) return null;
    return {
      kind: "keyword_missing",
      message: `Keyword ${keyword} not found: a HEAD response has no body`,
    };
  }
  const where = body.isTruncated ? "the first 1 MiB of the body" : "the body";
  if (spec.keywordMustBeAbsent && body.hasKeyword) {
    return {
      kind: "keyword_present",
      message: `Keyword ${keyword} found in ${where} but must be absent`,
    };
  }
  if (!spec.keywordMustBeAbsent && !body.hasKeyword) {
    return { kind: "keyword_missing", message: `Keyword ${keyword} not found in ${where}` };
  }
  return null;
}
