// Turning what the channel forms send and get back into text for the person filling them in.

export type ChannelErrors = Partial<
  Record<"name" | "url" | "to" | "secret" | "headers" | "form", string>
>;

const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
const sentence = (m: string) =>
  m.charAt(0).toUpperCase() + m.slice(1) + (m.endsWith(".") ? "" : ".");

/** A tRPC error as messages next to the fields it is about (or above the form). */
export function channelErrorsFrom(error: unknown, fallback: string): ChannelErrors {
  const e = error as {
    message?: string;
    data?: { field?: string | null; zodIssues?: { path: string; message: string }[] | null } | null;
  };
  const issues = e.data?.zodIssues;
  if (issues?.length) {
    const out: ChannelErrors = {};
    for (const i of issues) {
      // An update's fields come under `changes.`.
      const path = i.path.replace(/^changes\./, "");
      out[camel(path.split(".")[0] || "form") as keyof ChannelErrors] ??= sentence(i.message);
    }
    return out;
  }
  const message = (e.message ?? fallback).replace(/^\w+: /, "");
  const field = e.data?.field ? (camel(e.data.field) as keyof ChannelErrors) : "form";
  return { [field]: sentence(message) };
}

/** "Name: value" lines as headers, or what is wrong with them. */
export function parseHeaderLines(text: string): Record<string, string> | string {
  const headers: Record<string, string> = {};
  for (const line of text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)) {
    const colon = line.indexOf(":");
    if (colon <= 0) return `"${line}" is not "Name: value".`;
    headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return headers;
}
