import { describe, expect, it } from "vitest";
import { publicFailure } from "@/server/domain/monitors/public-failure";

describe("publicFailure", () => {
  it.each([
    [
      { errorKind: "connection_refused", message: "Connection refused (10.0.0.5:5432)" },
      "Not reachable",
    ],
    [
      { errorKind: "timeout", message: "Timed out after 10 s connecting to db.internal:5432" },
      "Did not respond in time",
    ],
    [
      { errorKind: "status", statusCode: 503, message: "Unexpected status 503 (expected 200-399)" },
      "Responded with an error (503)",
    ],
    [{ errorKind: "status", message: "Unexpected status" }, "Responded with an error"],
    [
      { errorKind: "status", statusCode: 302, message: "Unexpected status 302" },
      "Responded unexpectedly (302)",
    ],
    [
      { errorKind: "keyword_missing", message: 'Keyword "secret-token" not found in the body' },
      "Responded with unexpected content",
    ],
    [
      { errorKind: "keyword_present", message: 'Keyword "Error" found' },
      "Responded with unexpected content",
    ],
    [
      { errorKind: "assertion", message: 'Assertion failed: body eq "ok" (got "secret")' },
      "Responded with unexpected content",
    ],
    [
      { message: 'Assertion failed: status code eq "200" (got 503)' },
      "Responded with unexpected content",
    ],
    [
      { errorKind: "dns", message: "DNS lookup failed for db.corp.internal (ENOTFOUND)" },
      "Address could not be found",
    ],
    [
      { errorKind: "tls_expired", message: "TLS certificate expired on …" },
      "Security certificate expired",
    ],
    [
      { errorKind: "tls_self_signed", message: "Self-signed TLS certificate" },
      "Security certificate not trusted",
    ],
    [{ errorKind: "tls", message: "TLS handshake failed (x)" }, "Secure connection failed"],
    [
      { errorKind: "connection_reset", message: "Connection closed by the server while …" },
      "Connection dropped",
    ],
    [
      { errorKind: "too_many_redirects", message: "Too many redirects (more than 10)" },
      "Redirected too many times",
    ],
    [
      { errorKind: "blocked_target", message: "Blocked target: 10.0.0.1 is a private address" },
      "Could not be checked",
    ],
    [{ errorKind: "invalid_url", message: "URL: bad" }, "Could not be checked"],
    [
      { errorKind: "other", message: "connect EHOSTUNREACH 10.1.2.3:80" },
      "Not working as expected",
    ],
    [{ errorKind: "something new", message: "secret detail" }, "Not working as expected"],
    // Without the check's kind (its result is past retention): the message's wording, never its detail.
    [{ message: "Connection refused (127.0.0.1:8080)" }, "Not reachable"],
    [{ message: "Unexpected status 502 (expected 200)" }, "Responded with an error (502)"],
    [{ message: "Timed out after 2 s waiting for response headers" }, "Did not respond in time"],
    [
      { message: "Connection timed out while connecting to 10.0.0.1:80 (ETIMEDOUT)" },
      "Did not respond in time",
    ],
    [{ message: "DNS lookup failed for x.internal (ENOTFOUND)" }, "Address could not be found"],
    [{ message: 'Keyword "x" not found in the body' }, "Responded with unexpected content"],
    [{ message: "TLS certificate expired on 2026-01-01" }, "Security certificate expired"],
    [{ message: "http://10.0.0.5/ said no" }, "Not working as expected"],
    [{ message: null }, null],
  ])("%j → %s", (failure, expected) => {
    expect(publicFailure(failure)).toBe(expected);
  });
});
