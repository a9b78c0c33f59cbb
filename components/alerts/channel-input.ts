import type { Kind } from "@/components/alerts/kinds";

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

/** What the dashboard shows in place of a URL's secret parts. */
const MASKED = "***";

/** The fields as the form sends them: what is left empty stays as it is. */
export function channelChanges(
  kind: Kind,
  form: { name: string; url: string; to: string; headers: string; dropHeaders: boolean },
) {
  const url = form.url.trim();
  const headers = parseHeaderLines(form.headers);
  if (typeof headers === "string") return { error: { headers } };
  if (url.includes(MASKED))
    return { error: { url: "Enter the whole URL: the one shown has its secret parts hidden." } };
  const replaceHeaders = kind === "webhook" && (form.headers.trim() !== "" || form.dropHeaders);
  return {
    changes: {
      name: form.name,
      ...(kind === "email" ? { to: form.to } : url ? { url } : {}),
      ...(replaceHeaders ? { headers } : {}),
    },
  };
}
