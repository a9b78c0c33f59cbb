import type { ChannelKind } from "@/db/schema";

/** What stands in a shown URL for its secret parts. */
export const MASK = "***";

/**
 * A receiver URL as it may be shown once stored: the parts that are credentials are replaced by
 * ***. A password always; every query value (`?token=…`); the token of a Slack
 * (/services/T…/B…/<token>) or Discord (/api/webhooks/<id>/<token>) webhook; an ntfy topic, which
 * is all it takes to publish to it.
 */
export function maskReceiverUrl(kind: ChannelKind, url: string | undefined): string | null {
  if (url === undefined) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return MASK;
  }
  const userinfo = parsed.username
    ? `${parsed.username}${parsed.password ? `:${MASK}` : ""}@`
    : parsed.password
      ? `:${MASK}@`
      : "";
  let segments = parsed.pathname.split("/");
  const last = segments.findLastIndex((s) => s !== "");
  if ((kind === "slack" || kind === "discord" || kind === "ntfy") && last >= 0)
    segments = segments.map((s, i) => (i === last ? MASK : s));
  const query = [...parsed.searchParams.keys()]
    .map((k) => `${encodeURIComponent(k)}=${MASK}`)
    .join("&");
  return `${parsed.protocol}//${userinfo}${parsed.host}${segments.join("/")}${query ? `?${query}` : ""}`;
}
