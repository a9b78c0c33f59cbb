import {
  issueSentence,
  snakeCase,
  type ValidationIssue,
} from "@/server/domain/validation/issue-sentence";

export type { ValidationIssue } from "@/server/domain/validation/issue-sentence";

/** A problem as the tRPC error carries it to the browser. */
export type WireIssue = { path: string; message: string };

const camelCase = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** A message as a sentence: capital first letter, one full stop. */
export const sentence = (m: string) =>
  m.charAt(0).toUpperCase() + m.slice(1) + (m.endsWith(".") ? "" : ".");

/**
 * The first problem as one line for the API: the field in snake_case, then the sentence a form
 * shows (`interval_secs: Interval must be at least 10 seconds`), and that field.
 */
export function describeIssue(issue: ValidationIssue | undefined): {
  field: string;
  message: string;
} {
  if (!issue) return { field: "", message: "invalid input" };
  const field = issue.path
    .map((p) => (typeof p === "string" ? snakeCase(p) : `[${String(p)}]`))
    .join(".");
  if (issue.code === "unrecognized_keys")
    return { field, message: `unknown field ${(issue.keys ?? []).map(snakeCase).join(", ")}` };
  const text = issueSentence(issue);
  return { field, message: field ? `${field}: ${text}` : text };
}

/** The problems as the tRPC error formatter sends them, each as the sentence a form shows. */
export const toWireIssues = (issues: readonly ValidationIssue[]): WireIssue[] =>
  issues.map((i) => ({ path: i.path.map(String).join("."), message: issueSentence(i) }));

type ErrorLike = {
  message?: string;
  data?: { field?: string | null; zodIssues?: WireIssue[] | null } | null;
};

/**
 * A tRPC error (input validation or a service's field error) as sentences next to the form fields
 * it is about; anything about a field the form does not show goes above the form, never lost.
 */
export function formErrorsFrom<K extends string>(
  error: unknown,
  shown: readonly K[],
  fallback: string,
): Partial<Record<K | "form", string>> {
  const e = error as ErrorLike;
  // An edit's input nests the settings under `changes.`.
  const fieldOf = (path: string) => path.replace(/^changes\./, "");
  const at = (path: string): K | "form" => {
    const key = camelCase(fieldOf(path).split(".")[0] ?? "");
    return (shown as readonly string[]).includes(key) ? (key as K) : "form";
  };
  const issues = e.data?.zodIssues;
  const out: Partial<Record<K | "form", string>> = {};
  if (issues?.length) {
    for (const i of issues) {
      const key = at(i.path);
      out[key] ??= sentence(i.message);
    }
    return out;
  }
  const message = e.message ?? fallback;
  const key = e.data?.field ? at(e.data.field) : "form";
  out[key] = sentence(key === "form" ? message : message.replace(/^\w+: /, ""));
  return out;
}
