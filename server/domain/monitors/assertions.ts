export const assertionSources = ["status_code", "response_time", "body"] as const;
export const assertionComparisons = [
  "eq",
  "ne",
  "lt",
  "lte",
  "gt",
  "gte",
  "contains",
  "not_contains",
] as const;
type AssertionSource = (typeof assertionSources)[number];
type AssertionComparison = (typeof assertionComparisons)[number];
export type Assertion = {
  source: AssertionSource;
  comparison: AssertionComparison;
  target: string;
};

/** What a check saw of the body: its start, whether that is all of it, and a substring test. */
export type BodyObservation = {
  head: string;
  headIsWhole: boolean;
  /** Only the first 1 MiB was searched. */
  isTruncated: boolean;
  contains: (needle: string) => boolean;
};
export type Observation = {
  statusCode: number;
  responseTimeMs: number;
  /** Null when the response had no body to read (HEAD). */
  body: BodyObservation | null;
};

const PLACEHOLDER: Record<AssertionSource, string> = {
  status_code: "[STATUS]",
  response_time: "[RESPONSE_TIME]",
  body: "[BODY]",
};
const OPERATOR: Record<AssertionComparison, string> = {
  eq: "==",
  ne: "!=",
  lt: "<",
  lte: "<=",
  gt: ">",
  gte: ">=",
  contains: "==",
  not_contains: "!=",
};
const ORDERED = new Set<AssertionComparison>(["lt", "lte", "gt", "gte"]);
const NUMBER = /^-?\d+(\.\d+)?$/;
const CONDITION = /^\[(STATUS|RESPONSE_TIME|BODY)\] (==|!=|<=|>=|<|>) ([\s\S]*)$/;
// A bare value Gatus would read as itself; anything else is stored JSON-quoted so it reads back exactly.
const BARE = /^(?!pat\(|any\(|len\(|")\S(?:[\s\S]*\S)?$/;

/** Why an assertion cannot be evaluated (a number compared with a non-number), or null. */
export function assertionProblem(a: Assertion): string | null {
  const numeric = a.source !== "body" || ORDERED.has(a.comparison);
  if (numeric && !a.comparison.includes("contains") && !NUMBER.test(a.target.trim()))
    return `target must be a number to compare ${a.source} with ${a.comparison}`;
  return null;
}

/** Assertions as Gatus-syntax conditions (`[STATUS] == 200`, `[BODY] == pat(*ok*)`). */
export function assertionsToConditions(assertions: readonly Assertion[]): string[] {
  return assertions.map((a) => {
    const value = a.comparison.includes("contains")
      ? `pat(*${a.target}*)`
      : BARE.test(a.target)
        ? a.target
        : JSON.stringify(a.target);
    return `${PLACEHOLDER[a.source]} ${OPERATOR[a.comparison]} ${value}`;
  });
}

function parseCondition(condition: string): Assertion | null {
  const m = CONDITION.exec(condition);
  if (!m) return null;
  const source = (Object.keys(PLACEHOLDER) as AssertionSource[]).find(
    (s) => PLACEHOLDER[s] === `[${m[1]}]`,
  );
  const op = m[2] ?? "";
  const raw = m[3] ?? "";
  if (!source) return null;
  if (raw.startsWith("pat(*") && raw.endsWith("*)") && raw.length >= 7) {
    if (op !== "==" && op !== "!=") return null;
    return {
      source,
      comparison: op === "==" ? "contains" : "not_contains",
      target: raw.slice(5, -2),
    };
  }
  const comparison = (["eq", "ne", "lt", "lte", "gt", "gte"] as const).find(
    (c) => OPERATOR[c] === op,
  );
  if (!comparison) return null;
  if (!raw.startsWith('"')) return { source, comparison, target: raw };
  try {
    const target: unknown = JSON.parse(raw);
    return typeof target === "string" ? { source, comparison, target } : null;
  } catch {
    return null;
  }
}

/** Stored conditions back as assertions; conditions Vigil does not write are left out. */
export function conditionsToAssertions(conditions: readonly string[]): Assertion[] {
  return conditions.map(parseCondition).filter((a): a is Assertion => a !== null);
}

function compare(seen: number | string, comparison: AssertionComparison, target: string): boolean {
  if (comparison === "contains") return String(seen).includes(target);
  if (comparison === "not_contains") return !String(seen).includes(target);
  if (typeof seen === "string" && !ORDERED.has(comparison))
    return (seen === target.trim()) === (comparison === "eq");
  const a = Number(seen);
  const b = Number(target.trim());
  if (Number.isNaN(a) || (typeof seen === "string" && !NUMBER.test(seen))) return false;
  switch (comparison) {
    case "eq":
      return a === b;
    case "ne":
      return a !== b;
    case "lt":
      return a < b;
    case "lte":
      return a <= b;
    case "gt":
      return a > b;
    default:
      return a >= b;
  }
}

const shown = (text: string) => JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);

/** Whether the assertion holds, and what was seen, as the end of the check error. */
function verdict(a: Assertion, seen: Observation): { ok: boolean; saw: string } {
  if (a.source === "status_code")
    return { ok: compare(seen.statusCode, a.comparison, a.target), saw: `got ${seen.statusCode}` };
  if (a.source === "response_time") {
    const ok = compare(seen.responseTimeMs, a.comparison, a.target);
    return { ok, saw: `got ${seen.responseTimeMs} ms` };
  }
  const body = seen.body;
  if (body === null)
    return { ok: a.comparison === "not_contains" || a.comparison === "ne", saw: "no body" };
  if (a.comparison === "contains" || a.comparison === "not_contains") {
    const found = body.contains(a.target);
    const where = body.isTruncated ? "the first 1 MiB of the body" : "the body";
    return {
      ok: found === (a.comparison === "contains"),
      saw: `${found ? "found" : "not found"} in ${where}`,
    };
  }
  const text = body.head.trim();
  if (!body.headIsWhole)
    return { ok: a.comparison === "ne", saw: `got a longer body starting ${shown(text)}` };
  return { ok: compare(text, a.comparison, a.target), saw: `got ${shown(text)}` };
}

const describe = (a: Assertion) =>
  `${a.source.replace("_", " ")} ${a.comparison.replace("_", " ")} ${JSON.stringify(a.target)}`;

/** Evaluates assertions in order; the first that fails is named with what the check saw. */
export function evaluateAssertions(
  assertions: readonly Assertion[],
  seen: Observation,
): { ok: true } | { ok: false; error: string } {
  for (const a of assertions) {
    const v = verdict(a, seen);
    if (!v.ok) return { ok: false, error: `Assertion failed: ${describe(a)} (${v.saw})` };
  }
  return { ok: true };
}

/**
 * Whether a final status code may go on to the assertions. Any status_code assertion replaces
 * accepted_status_codes (as in Tickstem, which has none): then only the assertions judge it.
 */
export function isStatusAdmitted(
  assertions: readonly Assertion[],
  statusCode: number,
  isAccepted: (statusCode: number) => boolean,
): boolean {
  return assertions.some((a) => a.source === "status_code") || isAccepted(statusCode);
}

/** How much of the body's start the assertions need kept to be decided (bytes). */
export function bodyHeadBytes(assertions: readonly Assertion[]): number {
  let bytes = 0;
  for (const a of assertions) {
    if (a.source !== "body" || a.comparison.includes("contains")) continue;
    // Slack for whitespace around the value (a trailing newline), which comparisons ignore.
    bytes = Math.max(bytes, new TextEncoder().encode(a.target.trim()).length + 64);
  }
  return bytes;
}

/** The substrings body assertions look for. */
export const bodyNeedles = (assertions: readonly Assertion[]) =>
  assertions
    .filter((a) => a.source === "body" && a.comparison.includes("contains"))
    .map((a) => a.target);
