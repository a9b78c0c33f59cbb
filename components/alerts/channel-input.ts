import type { Kind } from "@/components/alerts/kinds";
import { parseHeaderLines } from "@/components/ui/header-lines";
import { MASK } from "@/server/alerts/mask-url";

/** The fields as the form sends them: what is left empty stays as it is. */
export function channelChanges(
  kind: Kind,
  form: { name: string; url: string; to: string; headers: string; dropHeaders: boolean },
) {
  const url = form.url.trim();
  const headers = parseHeaderLines(form.headers);
  if (typeof headers === "string") return { error: { headers } };
  if (url.includes(MASK))
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
