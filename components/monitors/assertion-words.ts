import {
  assertionComparisons,
  assertionProblem,
  assertionSources,
  type Assertion,
} from "@/server/domain/monitors/assertions";

export const SOURCE_WORDS: Record<Assertion["source"], string> = {
  status_code: "Status code",
  response_time: "Response time (ms)",
  body: "Body",
};
export const COMPARISON_WORDS: Record<Assertion["comparison"], string> = {
  eq: "equals",
  ne: "does not equal",
  lt: "is less than",
  lte: "is at most",
  gt: "is greater than",
  gte: "is at least",
  contains: "contains",
  not_contains: "does not contain",
};

/** An assertion as a sentence: `Status code equals 404`. */
export const assertionWords = (a: Assertion) =>
  `${SOURCE_WORDS[a.source]} ${COMPARISON_WORDS[a.comparison]} ${a.target}`;

const isSource = (s: string): s is Assertion["source"] =>
  (assertionSources as readonly string[]).includes(s);
const isComparison = (s: string): s is Assertion["comparison"] =>
  (assertionComparisons as readonly string[]).includes(s);

/** The editor's rows from a submitted form, or the first problem in the user's words. */
export function readAssertions(form: FormData): Assertion[] | string {
  const sources = form.getAll("assertionSource").map(String);
  const comparisons = form.getAll("assertionComparison").map(String);
  const targets = form.getAll("assertionTarget").map(String);
  const out: Assertion[] = [];
  for (const [i, source] of sources.entries()) {
    const comparison = comparisons[i] ?? "";
    const target = (targets[i] ?? "").trim();
    if (!isSource(source) || !isComparison(comparison))
      return `Assertion ${i + 1}: choose what to check and how to compare it.`;
    if (target === "") return `Assertion ${i + 1}: give a value to compare with.`;
    const a = { source, comparison, target };
    if (assertionProblem(a))
      return `Assertion ${i + 1}: “${COMPARISON_WORDS[comparison]}” on ${SOURCE_WORDS[source].toLowerCase()} compares numbers; give a number, like ${source === "response_time" ? "500" : "200"}.`;
    out.push(a);
  }
  return out;
}
