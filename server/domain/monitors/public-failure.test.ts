import { describe, expect, it } from "vitest";
import { publicFailure } from "@/server/domain/monitors/public-failure";

describe("publicFailure", () => {
  it.each([
    [
      { errorKind: "connection_refused", message: "Connection refused (10.0.0.5:5432)" },
      "Connection refused",
    ],
    [
      { errorKind: "timeout", message: "Timed out after 10 s connecting to db.internal:5432" },
      "Timed out",
    ],
    [
      { errorKind: "status", statusCode: 503, message: "Unexpected status 503 (expected 200-399)" },
      "HTTP 503",
    ],
    [{ errorKind: "status", message: "Unexpected status" }, "Unexpected HTTP status"],
    [
      { errorKind: "keyword_missing", message: 'Keyword "secret-token" not found in the body' },
      "Keyword missing",
    ],
    [
      { errorKind: "keyword_present", message: 'Keyword "Error" found' },
      "Unexpected keyword found",
    ],
    [
      { errorKind: "assertion", message: 'Assertion failed: body eq "ok" (got "secret")' },
      "Assertion failed",
    ],
    [{ message: 'Assertion failed: status code eq "200" (got 503)' }, "Assertion failed"],
    [
      { errorKind: "dns", message: "DNS lookup failed for db.corp.internal (ENOTFOUND)" },
      "DNS lookup failed",
    ],
    [
      { errorKind: "tls_expired", message: "TLS certificate expired on …" },
      "TLS certificate expired",
    ],
    [
      { errorKind: "tls_self_signed", message: "Self-signed TLS certificate" },
      "TLS certificate not trusted",
    ],
    [{ errorKind: "tls", message: "TLS handshake failed (x)" }, "TLS handshake failed"],
    [
      { errorKind: "connection_reset", message: "Connection closed by the server while …" },
      "Connection closed",
    ],
    [
      { errorKind: "too_many_redirects", message: "Too many redirects (more than 10)" },
      "Too many redirects",
    ],
    [
      { errorKind: "blocked_target", message: "Blocked target: 10.0.0.1 is a private address" },
      "Target not allowed",
    ],
    [{ errorKind: "invalid_url", message: "URL: bad" }, "Invalid URL"],
    [{ errorKind: "other", message: "connect EHOSTUNREACH 10.1.2.3:80" }, "Check failed"],
    [{ errorKind: "something new", message: "secret detail" }, "Check failed"],
    // Without the check's kind (its result is past retention): the message's wording, never its detail.
    [{ message: "Connection refused (127.0.0.1:8080)" }, "Connection refused"],
    [{ message: "Unexpected status 502 (expected 200)" }, "HTTP 502"],
    [{ message: "Timed out after 2 s waiting for response headers" }, "Timed out"],
    [{ message: "Connection timed out while connecting to 10.0.0.1:80 (ETIMEDOUT)" }, "Timed out"],
    [{ message: "DNS lookup failed for x.internal (ENOTFOUND)" }, "DNS lookup failed"],
    [{ message: 'Keyword "x" not found in the body' }, "Keyword missing"],
    [{ message: "TLS certificate expired on 2026-01-01" }, "TLS certificate expired"],
    [{ message: "http://10.0.0.5/ said no" }, "Check failed"],
    [{ message: null }, null],
  ])("%j → %s", (failure, expected) => {
    expect(publicFailure(failure)).toBe(expected);
  });
});
