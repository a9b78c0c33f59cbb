export const KIND_LABELS = {
  webhook: "Webhook",
  slack: "Slack",
  discord: "Discord",
  ntfy: "ntfy",
  email: "Email",
} as const;

export type Kind = keyof typeof KIND_LABELS;

export const KIND_HINTS: Record<Kind, string> = {
  webhook: "Any URL: Vigil POSTs JSON, signed with X-Vigil-Signature-256.",
  slack: "A Slack incoming webhook URL (https://hooks.slack.com/services/…).",
  discord: "A Discord channel webhook URL (https://discord.com/api/webhooks/…).",
  ntfy: "An ntfy topic URL, e.g. https://ntfy.sh/my-team-alerts.",
  email:
    "Sent through the server's SMTP settings (SMTP_URL, MAIL_FROM). Each address gets a link to confirm first: nothing else is mailed to it until then.",
};

/** Where a channel sends to, in one line. */
export const targetOf = (c: { kind: Kind; url: string | null; to: string | null }) =>
  c.kind === "email" ? (c.to ?? "") : (c.url ?? "");
