import type { FieldErrors, MonitorFormValues } from "@/components/monitors/monitor-form";

const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** Turns a tRPC error (input validation or a service's field error) into per-field messages. */
export function fieldErrorsFrom(error: unknown): FieldErrors {
  const e = error as {
    message?: string;
    data?: { field?: string | null; zodIssues?: { path: string; message: string }[] | null } | null;
  };
  const issues = e.data?.zodIssues;
  if (issues?.length) {
    const out: FieldErrors = {};
    for (const issue of issues) {
      const field = camel(
        issue.path.replace(/^changes\./, "").split(".")[0] ?? "",
      ) as keyof MonitorFormValues;
      out[field] ??= issue.message.charAt(0).toUpperCase() + issue.message.slice(1) + ".";
    }
    return out;
  }
  const message = e.message ?? "Could not save the monitor.";
  const field = e.data?.field ? (camel(e.data.field) as keyof MonitorFormValues) : null;
  return field
    ? { [field]: message.charAt(0).toUpperCase() + message.slice(1) + "." }
    : { form: message };
}
