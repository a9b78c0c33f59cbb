import { describe, expect, it } from "vitest";
import {
  assertionProblem,
  assertionsToConditions,
  bodyHeadBytes,
  bodyNeedles,
  conditionsToAssertions,
  evaluateAssertions,
  isStatusAdmitted,
  type Assertion,
  type BodyObservation,
} from "@/server/domain/monitors/assertions";

const a = (source: Assertion["source"], comparison: Assertion["comparison"], target: string) => ({
  source,
  comparison,
  target,
});
const whole = (text: string): BodyObservation => ({
  head: text,
  headIsWhole: true,
  isTruncated: false,
  contains: (n) => text.includes(n),
});
const seen = (
  over: Partial<{ statusCode: number; responseTimeMs: number; body: BodyObservation | null }> = {},
) => ({
  statusCode: 200,
  responseTimeMs: 120,
  body: whole("ok"),
  ...over,
});

describe("assertionsToConditions", () => {
  it.each([
    [a("status_code", "eq", "200"), "[STATUS] == 200"],
    [a("status_code", "ne", "500"), "[STATUS] != 500"],
    [a("response_time", "lt", "500"), "[RESPONSE_TIME] < 500"],
    [a("response_time", "lte", "500"), "[RESPONSE_TIME] <= 500"],
    [a("status_code", "gt", "199"), "[STATUS] > 199"],
    [a("status_code", "gte", "200"), "[STATUS] >= 200"],
    [a("body", "contains", "ok"), "[BODY] == pat(*ok*)"],
    [a("body", "not_contains", "error"), "[BODY] != pat(*error*)"],
    [a("body", "eq", "healthy"), "[BODY] == healthy"],
    [a("body", "eq", " padded "), '[BODY] == " padded "'],
    [a("body", "eq", "pat(*x*)"), '[BODY] == "pat(*x*)"'],
    [a("body", "ne", ""), '[BODY] != ""'],
  ])("writes %j as %s", (assertion, condition) => {
    expect(assertionsToConditions([assertion])).toEqual([condition]);
  });

  it.each([
    a("body", "eq", '"quoted"'),
    a("body", "eq", "two\nlines"),
    a("body", "contains", "a*b"),
    a("body", "contains", ""),
    a("body", "not_contains", "*)"),
    a("body", "ne", "any(1, 2)"),
    a("body", "eq", "= 5"),
    a("status_code", "lt", "=5"),
    a("body", "eq", "len(x)"),
    a("status_code", "contains", "20"),
    a("response_time", "gte", "0.5"),
  ])("reads %j back exactly", (assertion) => {
    expect(conditionsToAssertions(assertionsToConditions([assertion]))).toEqual([assertion]);
  });

  it("keeps the order of several assertions", () => {
    const list = [
      a("status_code", "eq", "200"),
      a("body", "contains", "ok"),
      a("response_time", "lt", "900"),
    ];
    expect(conditionsToAssertions(assertionsToConditions(list))).toEqual(list);
  });

  it("leaves out conditions Vigil does not write", () => {
    expect(
      conditionsToAssertions([
        "[CERTIFICATE_EXPIRATION] > 48h",
        "[STATUS] < pat(*2*)",
        '[BODY] == "x',
        "[STATUS] == 204",
      ]),
    ).toEqual([a("status_code", "eq", "204")]);
  });
});

describe("assertionProblem", () => {
  it.each([
    [a("status_code", "eq", "200"), null],
    [a("status_code", "eq", "OK"), "target must be a number to compare status_code with eq"],
    [a("response_time", "lt", "fast"), "target must be a number to compare response_time with lt"],
    [a("body", "gt", "x"), "target must be a number to compare body with gt"],
    [a("body", "eq", "x"), null],
    [a("status_code", "contains", "2"), null],
    [a("body", "lte", " 10 "), null],
  ])("%j: %s", (assertion, problem) => {
    expect(assertionProblem(assertion as Assertion)).toBe(problem);
  });
});

describe("evaluateAssertions", () => {
  it.each([
    [a("status_code", "eq", "200"), seen(), null],
    [a("status_code", "eq", "201"), seen(), 'Assertion failed: status code eq "201" (got 200)'],
    [a("status_code", "ne", "200"), seen(), 'Assertion failed: status code ne "200" (got 200)'],
    [a("status_code", "lt", "300"), seen(), null],
    [a("status_code", "gte", "300"), seen({ statusCode: 302 }), null],
    [a("status_code", "contains", "20"), seen(), null],
    [
      a("response_time", "lt", "100"),
      seen(),
      'Assertion failed: response time lt "100" (got 120 ms)',
    ],
    [a("response_time", "lte", "120"), seen(), null],
    [
      a("response_time", "gt", "120"),
      seen(),
      'Assertion failed: response time gt "120" (got 120 ms)',
    ],
    [a("body", "contains", "ok"), seen(), null],
    [
      a("body", "contains", "up"),
      seen(),
      'Assertion failed: body contains "up" (not found in the body)',
    ],
    [
      a("body", "not_contains", "ok"),
      seen(),
      'Assertion failed: body not contains "ok" (found in the body)',
    ],
    [a("body", "eq", "ok"), seen({ body: whole(" ok\n") }), null],
    [a("body", "ne", "ok"), seen(), 'Assertion failed: body ne "ok" (got "ok")'],
    [a("body", "gt", "10"), seen({ body: whole("42\n") }), null],
    [
      a("body", "lt", "10"),
      seen({ body: whole("42") }),
      'Assertion failed: body lt "10" (got "42")',
    ],
    [
      a("body", "lt", "10"),
      seen({ body: whole("n/a") }),
      'Assertion failed: body lt "10" (got "n/a")',
    ],
    [
      a("body", "contains", "ok"),
      seen({ body: null }),
      'Assertion failed: body contains "ok" (no body)',
    ],
    [a("body", "not_contains", "ok"), seen({ body: null }), null],
  ])("%j on %j: %s", (assertion, observation, error) => {
    const result = evaluateAssertions([assertion as Assertion], observation);
    expect(result).toEqual(error === null ? { ok: true } : { ok: false, error });
  });

  it("says when only the first 1 MiB was searched, and that a longer body is not equal", () => {
    const cut: BodyObservation = {
      head: "okay then",
      headIsWhole: false,
      isTruncated: true,
      contains: () => false,
    };
    expect(evaluateAssertions([a("body", "contains", "zz")], seen({ body: cut }))).toEqual({
      ok: false,
      error: 'Assertion failed: body contains "zz" (not found in the first 1 MiB of the body)',
    });
    expect(evaluateAssertions([a("body", "eq", "okay then")], seen({ body: cut }))).toEqual({
      ok: false,
      error: 'Assertion failed: body eq "okay then" (got a longer body starting "okay then")',
    });
    expect(evaluateAssertions([a("body", "ne", "okay then")], seen({ body: cut }))).toEqual({
      ok: true,
    });
  });

  it("names the first assertion that fails", () => {
    const result = evaluateAssertions(
      [a("status_code", "eq", "200"), a("body", "contains", "up"), a("response_time", "lt", "1")],
      seen(),
    );
    expect(result).toEqual({
      ok: false,
      error: 'Assertion failed: body contains "up" (not found in the body)',
    });
  });
});

describe("what a check must keep of the body", () => {
  it("keeps nothing without body comparisons, and the target plus slack otherwise", () => {
    expect(bodyHeadBytes([a("status_code", "eq", "200"), a("body", "contains", "x")])).toBe(0);
    expect(bodyHeadBytes([a("body", "eq", "é"), a("body", "gt", "5")])).toBe(66);
    expect(
      bodyNeedles([
        a("body", "contains", "x"),
        a("body", "not_contains", "y"),
        a("body", "eq", "z"),
      ]),
    ).toEqual(["x", "y"]);
  });
});

describe("which rule admits a status code", () => {
  const accepted = (code: number) => code >= 200 && code <= 399;
  it.each([
    ["no assertions: the accepted codes", [], 200, true],
    ["no assertions: the accepted codes", [], 404, false],
    [
      "only body and time assertions: the accepted codes",
      [a("body", "contains", "ok")],
      404,
      false,
    ],
    [
      "only body and time assertions: the accepted codes",
      [a("response_time", "lt", "500")],
      301,
      true,
    ],
    ["a status_code assertion: not the accepted codes", [a("status_code", "eq", "404")], 404, true],
    ["a status_code assertion: not the accepted codes", [a("status_code", "ne", "500")], 503, true],
    [
      "a status_code assertion among others",
      [a("body", "contains", "x"), a("status_code", "gte", "500")],
      500,
      true,
    ],
  ] as const)("%s (%#: %s)", (_, assertions, code, admitted) => {
    expect(isStatusAdmitted(assertions, code, accepted)).toBe(admitted);
  });

  it("leaves a status assertion to judge the code it admitted", () => {
    const asserted = [a("status_code", "eq", "404")];
    expect(isStatusAdmitted(asserted, 500, accepted)).toBe(true);
    expect(evaluateAssertions(asserted, seen({ statusCode: 500 }))).toEqual({
      ok: false,
      error: 'Assertion failed: status code eq "404" (got 500)',
    });
    expect(evaluateAssertions(asserted, seen({ statusCode: 404 }))).toEqual({ ok: true });
  });
});
