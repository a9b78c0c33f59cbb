export type ChannelErrors = Partial<
  Record<"name" | "url" | "to" | "secret" | "headers" | "form", string>
>;

const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
const sentence = (m: string) =>
  m.charAt(0).toUpperCase() + m.slice(1) + (m.endsWith(".") ? "" : ".");

/**
 * A tRPC error as messages next to the fields it is about; an error about a field the form does
 * not show goes above the form, so it is never lost.
 */
export function channelErrorsFrom(
  error: unknown,
  fallback: string,
  shown: readonly (keyof ChannelErrors)[],
): ChannelErrors {
  const e = error as {
    message?: string;
    data?: { field?: string | null; zodIssues?: { path: string; message: string }[] | null } | null;
  };
  // An update's fields come under `changes.`.
  const fieldOf = (path: string) => path.replace(/^changes\./, "");
  const at = (path: string) => {
    const key = camel(fieldOf(path).split(".")[0] ?? "") as keyof ChannelErrors;
    return shown.includes(key) ? key : "form";
  };
  const issues = e.data?.zodIssues;
  if (issues?.length) {
    const out: ChannelErrors = {};
    for (const i of issues) {
      const key = at(i.path);
      const named = key === "form" && i.path ? `${fieldOf(i.path)}: ${i.message}` : i.message;
      out[key] ??= sentence(named);
    }
    return out;
  }
  const message = e.message ?? fallback;
  const key = e.data?.field ? at(e.data.field) : "form";
  return { [key]: sentence(key === "form" ? message : message.replace(/^\w+: /, "")) };
}
