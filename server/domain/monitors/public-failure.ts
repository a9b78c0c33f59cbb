export type CheckFailure = {
  errorKind?: string | null;
  statusCode?: number | null;
  /** The check's own line (dashboard detail: addresses, host names, keywords). */
  message: string | null;
};

// Sentences for visitors: what they would notice, never how the check saw it.
const WORDS = new Map<string, string>([
  ["connection_refused", "Not reachable"],
  ["connection_reset", "Connection dropped"],
  ["timeout", "Did not respond in time"],
  ["dns", "Address could not be found"],
  ["tls", "Secure connection failed"],
  ["tls_expired", "Security certificate expired"],
  ["tls_self_signed", "Security certificate not trusted"],
  ["keyword_missing", "Responded with unexpected content"],
  ["keyword_present", "Responded with unexpected content"],
  ["assertion", "Responded with unexpected content"],
  ["too_many_redirects", "Redirected too many times"],
  ["blocked_target", "Could not be checked"],
  ["invalid_url", "Could not be checked"],
]);

// The check's wording, for an incident whose check result is gone: only its kind is kept.
const MESSAGE_KINDS: [RegExp, string][] = [
  [/^Connection refused\b/, "connection_refused"],
  [/^Connection closed by the server\b/, "connection_reset"],
  [/^(Timed out|Connection timed out)\b/, "timeout"],
  [/^DNS lookup failed\b/, "dns"],
  [/^TLS certificate expired\b/, "tls_expired"],
  [/^Self-signed (TLS certificate|certificate in the TLS chain)\b/, "tls_self_signed"],
  [/^TLS (handshake failed|certificate is not valid)\b/, "tls"],
  [/^Keyword .* not found\b/, "keyword_missing"],
  [/^Keyword .* found .* must be absent$/, "keyword_present"],
  [/^Assertion failed: /, "assertion"],
  [/^Too many redirects\b/, "too_many_redirects"],
  [/^Blocked target\b/, "blocked_target"],
];

/**
 * What a public status page says about a failed check, as a visitor's sentence ("Not reachable",
 * "Responded with an error (503)"), never an address, host name, keyword or response detail.
 */
export function publicFailure(failure: CheckFailure): string | null {
  const { message } = failure;
  if (!failure.errorKind && message === null) return null;
  const statusInMessage = message ? /^Unexpected status (\d{3})\b/.exec(message)?.[1] : undefined;
  const kind =
    failure.errorKind ??
    (statusInMessage ? "status" : MESSAGE_KINDS.find(([re]) => re.test(message ?? ""))?.[1]);
  if (kind === "status") {
    const code = failure.statusCode ?? (statusInMessage ? Number(statusInMessage) : null);
    if (!code) return "Responded with an error";
    return code >= 400 ? `Responded with an error (${code})` : `Responded unexpectedly (${code})`;
  }
  return (kind && WORDS.get(kind)) ?? "Not working as expected";
}
