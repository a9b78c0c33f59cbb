/** The longest text each field takes, the same in the form, tRPC and the REST API. */
export const TEXT_LIMITS = {
  name: 100,
  title: 100,
  description: 1000,
  url: 2048,
} as const;

/** Fields as the forms call them, by their API (snake_case) name. */
const LABELS: Record<string, string> = {
  accepted_status_codes: "Accepted status codes",
  body: "Request body",
  channel_ids: "Channels",
  confirmations: "Failed checks before Down",
  degraded_after_ms: "Slow threshold",
  description: "Description",
  email: "Email",
  expires_at: "Expiry date",
  grace_secs: "Grace period",
  headers: "Headers",
  interval_secs: "Interval",
  items: "Subjects",
  keyword: "Keyword",
  kind: "Type",
  max_redirects: "Redirects",
  max_runtime_secs: "Longest run",
  method: "Method",
  name: "Name",
  new_password: "New password",
  password: "Password",
  recipients: "Recipients",
  reminder_hours: "Reminder interval",
  retry_interval_secs: "Retry interval",
  schedule: "Cron expression",
  secret: "Signing secret",
  slug: "Slug",
  subject_id: "Subject",
  timeout_secs: "Timeout",
  to: "Recipient",
  title: "Title",
  tz: "Time zone",
  url: "URL",
};

const UNITS: [RegExp, string][] = [
  [/_secs$/, "seconds"],
  [/_ms$/, "ms"],
  [/_hours$/, "hours"],
  [/_days$/, "days"],
];

/** A field in the user's words: "Timeout" for timeout_secs, "Max retries" for an unknown max_retries. */
export function fieldLabel(field: string): string {
  const known = LABELS[field];
  if (known) return known;
  const words = field.replace(/_(secs|ms|hours|days)$/, "").replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The unit a numeric field counts in ("seconds" for interval_secs), or "" for a plain count. */
export function fieldUnit(field: string): string {
  return UNITS.find(([suffix]) => suffix.test(field))?.[1] ?? "";
}
