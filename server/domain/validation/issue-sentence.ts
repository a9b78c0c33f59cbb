import { fieldLabel, fieldUnit } from "@/server/domain/validation/field-labels";

/** A validation problem as zod reports it (only what the formatters read). */
export type ValidationIssue = {
  code?: string;
  path: readonly PropertyKey[];
  message: string;
  keys?: readonly string[];
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  expected?: string;
  format?: string;
  values?: readonly unknown[];
  divisor?: number | bigint;
};

export const snakeCase = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const count = (n: number | bigint | undefined) => Number(n ?? 0).toLocaleString("en-US");
const plural = (n: number | bigint | undefined, one: string, many: string) =>
  `${count(n)} ${Number(n) === 1 ? one : many}`;

// zod's own English messages ("Too small: expected number to be >=10") are rewritten; the
// messages our schemas give ("must be at least 60 seconds") are kept and given their field.
const ZOD_DEFAULT = /^(Too (small|big)|Invalid|Unrecognized|Expected)/;

const TYPE_WORDS: Record<string, string> = {
  number: "must be a number",
  int: "must be a whole number",
  string: "must be text",
  boolean: "must be true or false",
  array: "must be a list",
  object: "must be an object",
  record: "must be an object",
  date: "must be a date",
};

const FORMAT_WORDS: Record<string, string> = {
  email: "must be an email address",
  url: "must be a URL",
  uuid: "must be an id",
  datetime: "must be a date and time such as 2026-12-06T20:22:00Z",
  date: "must be a date such as 2026-12-06",
};

function sizePredicate(issue: ValidationIssue, unit: string): string {
  const small = issue.code === "too_small";
  const n = small ? issue.minimum : issue.maximum;
  if (issue.origin === "string") {
    if (small && Number(n) === 1) return "must not be empty";
    return `must be at ${small ? "least" : "most"} ${plural(n, "character", "characters")}`;
  }
  if (issue.origin === "array" || issue.origin === "set") {
    if (small && Number(n) === 1) return "must have at least one entry";
    return `must have at ${small ? "least" : "most"} ${plural(n, "entry", "entries")}`;
  }
  const bound = `${count(n)}${unit ? ` ${unit}` : ""}`;
  if (issue.inclusive === false) return `must be ${small ? "more" : "less"} than ${bound}`;
  return `must be at ${small ? "least" : "most"} ${bound}`;
}

function defaultPredicate(issue: ValidationIssue, unit: string): string {
  switch (issue.code) {
    case "too_small":
    case "too_big":
      return sizePredicate(issue, unit);
    case "invalid_type":
      if (/received undefined/.test(issue.message)) return "is required";
      return TYPE_WORDS[issue.expected ?? ""] ?? "has the wrong type";
    case "invalid_format":
      return FORMAT_WORDS[issue.format ?? ""] ?? "is not in the expected format";
    case "invalid_value": {
      const values = (issue.values ?? []).map((v) => JSON.stringify(v));
      if (values.length === 0) return "is not allowed";
      if (values.length <= 2) return `must be ${values.join(" or ")}`;
      return `must be one of ${values.join(", ")}`;
    }
    case "not_multiple_of":
      return `must be a multiple of ${count(issue.divisor)}`;
    default:
      return "is not valid";
  }
}

/** Where a problem sits: the field's API name, and for a list entry which one, in words. */
function subjectOf(path: readonly PropertyKey[]): { leaf: string; context: string } {
  const parts = path
    .filter((p) => p !== "changes")
    .map((p) => (typeof p === "string" && /^\d+$/.test(p) ? Number(p) : p));
  const last = parts.at(-1);
  const leaf = typeof last === "string" ? snakeCase(last) : "";
  const index = parts.findIndex((p) => typeof p === "number");
  if (index < 0) return { leaf, context: "" };
  const list = parts[index - 1];
  const entry = `entry ${Number(parts[index]) + 1}`;
  return {
    leaf,
    context:
      typeof list === "string" ? `${fieldLabel(snakeCase(list))}, ${entry}` : capitalise(entry),
  };
}

const lowerFirst = (s: string) =>
  /^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;

/**
 * A problem as one sentence naming the field as the form does, without a full stop:
 * "Interval must be at least 10 seconds", "Name must be at most 100 characters",
 * "Assertions, entry 1: target must be a number".
 */
export function issueSentence(issue: ValidationIssue): string {
  const { leaf, context } = subjectOf(issue.path);
  const label = leaf ? fieldLabel(leaf) : "";
  const custom = !ZOD_DEFAULT.test(issue.message);
  const given = /^at (most|least) /.test(issue.message)
    ? `must have ${issue.message}`
    : issue.message;
  const predicate = custom ? given : defaultPredicate(issue, fieldUnit(leaf));
  const statesField = label && predicate.toLowerCase().startsWith(`${label.toLowerCase()} `);
  const named = !label || statesField ? predicate : `${label} ${predicate}`;
  if (context) return `${context}: ${label ? lowerFirst(named) : named}`;
  return capitalise(named);
}

/** A text field's length problem in the same words the server uses, for a form to show at once. */
export function lengthProblem(field: string, value: string, max: number): string | null {
  if (value.trim().length <= max) return null;
  return issueSentence({
    code: "too_big",
    origin: "string",
    maximum: max,
    path: [field],
    message: "Too big",
  });
}
