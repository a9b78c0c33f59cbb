export type StatusPageField = "title" | "slug" | "description" | "visibility" | "form";
export type StatusPageFieldErrors = Partial<Record<StatusPageField, string>>;

const FIELDS = new Set<string>(["title", "slug", "description", "visibility"]);

export const sentence = (m: string) =>
  m.charAt(0).toUpperCase() + m.slice(1) + (m.endsWith(".") ? "" : ".");

/** Per-field messages from a tRPC error: input validation, a service's field error, or a taken slug. */
export function statusPageFieldErrors(error: unknown): StatusPageFieldErrors {
  const e = error as {
    message?: string;
    data?: { field?: string | null; zodIssues?: { path: string; message: string }[] | null } | null;
  };
  const issues = e.data?.zodIssues;
  if (issues?.length) {
    const out: StatusPageFieldErrors = {};
    for (const issue of issues) {
      // An edit's input nests the settings under "changes".
      const field = issue.path.replace(/^changes\./, "").split(".")[0] ?? "";
      out[FIELDS.has(field) ? (field as StatusPageField) : "form"] ??= sentence(issue.message);
    }
    return out;
  }
  const message = sentence(e.message ?? "Could not save the status page");
  const field = e.data?.field;
  return field && FIELDS.has(field) ? { [field]: message } : { form: message };
}
