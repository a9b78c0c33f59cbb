export type CheckFailure = {
  errorKind?: string | null;
  statusCode?: number | null;
  /** The check's own line (dashboard detail: addresses, host names, keywords). */
  message: string | null;
};

const WORDS = new Map<string, string>([
  ["connection_refused", "Connection refused"],
  ["connection_reset", "Connection closed"],
  ["timeout", "Timed out"],
  ["dns", "DNS lookup failed"],
  ["tls", "TLS handshake failed"],
  ["tls_expired", "TLS certificate expired"],
  ["tls_self_signed", "TLS certificate not trusted"],
  ["keyword_missing", "Keyword missing"],
  ["keyword_present", "Unexpected keyword found"],
  ["assertion", "Assertion failed"],
  ["too_many_redirects", "Too many redirects"],
  ["blocked_target", "Target not allowed"],
  ["invalid_url", "Invalid URL"],
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
 * What a public status page says about a failed check: the kind of failure ("Connection refused",
 * "HTTP 503"), never an address, host name, keyword or response detail.
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
    return code ? `HTTP ${code}` : "Unexpected HTTP status";
  }
  return (kind && WORDS.get(kind)) ?? "Check failed";
}
