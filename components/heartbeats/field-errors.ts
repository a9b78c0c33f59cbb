import type {
  HeartbeatFieldErrors,
  HeartbeatFormValues,
} from "@/components/heartbeats/heartbeat-form";

const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
const sentence = (m: string) =>
  m.charAt(0).toUpperCase() + m.slice(1) + (m.endsWith(".") ? "" : ".");

/** Per-field messages from a tRPC error (input validation or a service's field error). */
export function heartbeatFieldErrors(error: unknown): HeartbeatFieldErrors {
  const e = error as {
    message?: string;
    data?: { field?: string | null; zodIssues?: { path: string; message: string }[] | null } | null;
  };
  const issues = e.data?.zodIssues;
  if (issues?.length) {
    const out: HeartbeatFieldErrors = {};
    for (const issue of issues)
      out[
        camel(issue.path.replace(/^changes\./, "").split(".")[0] ?? "") as keyof HeartbeatFormValues
      ] ??= sentence(issue.message);
    return out;
  }
  const message = e.message ?? "Could not save the heartbeat";
  const field = e.data?.field ? (camel(e.data.field) as keyof HeartbeatFormValues) : null;
  return field ? { [field]: sentence(message) } : { form: sentence(message) };
}
