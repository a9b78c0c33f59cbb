export type HttpCheckSpec = {
  url: string;
  method: "GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE" | "OPTIONS";
  headers: Record<string, string>;
  body: string | null;
  acceptedStatusCodes: string[];
  maxRedirects: number;
  timeoutSecs: number;
  keyword: string | null;
  keywordMustBeAbsent: boolean;
  /** Gatus-syntax conditions (the monitor's assertions), checked on the final response. */
  conditions?: readonly string[];
};

export type HttpErrorKind =
  | "dns"
  | "connection_refused"
  | "connection_reset"
  | "timeout"
  | "tls"
  | "tls_expired"
  | "tls_self_signed"
  | "status"
  | "keyword_missing"
  | "keyword_present"
  | "assertion"
  | "too_many_redirects"
  | "blocked_target"
  | "invalid_url"
  | "other";

export type HttpCheckResult = {
  status: "up" | "down" | "timeout";
  statusCode: number | null;
  durationMs: number;
  error: string | null;
  errorKind: HttpErrorKind | null;
  tlsCertExpiresAt: Date | null;
  finalUrl: string;
  redirects: number;
};
