import type { SubjectKind } from "@/db/schema/flips";
import type { AlertKind } from "@/server/domain/alerts/alert-policy";
import { formatDuration } from "@/server/domain/format/duration";
import { formatDateTime } from "@/server/domain/format/date-time";

export type NotifiedFlip = {
  id: string;
  alert: AlertKind;
  from: string;
  to: string;
  at: Date;
  reason: string | null;
  /** How long the subject had been in `from` when it flipped. */
  inOldStateMs: number | null;
  /** On a recovery: how long the outage lasted. */
  outageMs: number | null;
};

/** Everything a channel needs to write one message, whatever its medium. */
export type Notification = {
  kind: "alert" | "reminder" | "test";
  deliveryKey: string;
  channel: { id: string; name: string };
  subject: {
    kind: SubjectKind;
    id: string;
    name: string;
    status: string;
    dashboardUrl: string;
    statusPageUrl: string | null;
  } | null;
  /** Oldest first; several when flips within a minute were folded into one message. */
  flips: NotifiedFlip[];
  /** When the message was composed. */
  at: Date;
};

// Alerts are read anywhere: in UTC, the zone named, as the dashboard writes a time.
const clock = (d: Date) =>
  formatDateTime(d, undefined, { seconds: true }).replace(/[\u202f\u00a0]/g, " ");

const STATE_WORD: Record<string, string> = {
  up: "up",
  down: "DOWN",
  degraded: "degraded",
  missing: "MISSING",
  failed: "FAILED",
  late: "late",
  running: "running",
  new: "new",
  pending: "pending",
  paused: "paused",
};
const word = (s: string) => STATE_WORD[s] ?? s;

/** One line per flip: what it became, when, and how long the old state had lasted. */
export function describeFlip(f: NotifiedFlip): string {
  const when = clock(f.at);
  if (f.alert === "recovery") {
    const outage = f.outageMs ?? f.inOldStateMs;
    const was = outage !== null ? ` (was ${f.from} for ${formatDuration(outage)})` : "";
    return `${word(f.from)} → ${word(f.to)} at ${when}${was}`;
  }
  const was =
    f.inOldStateMs !== null ? ` (was ${word(f.from)} for ${formatDuration(f.inOldStateMs)})` : "";
  const why = f.reason ? `: ${f.reason}` : "";
  return `${word(f.from)} → ${word(f.to)} at ${when}${was}${why}`;
}

/** The one-line headline of a message. */
export function titleOf(n: Notification): string {
  if (n.kind === "test" || !n.subject) return `Test notification from Vigil to ${n.channel.name}`;
  const last = n.flips.at(-1);
  const name = n.subject.name;
  if (n.kind === "reminder")
    return `Reminder: ${name} is still ${word(n.subject.status)}${last ? `, for ${formatDuration(n.at.getTime() - last.at.getTime())}` : ""}`;
  if (!last) return `${name}: no change`;
  if (n.flips.length > 1) return `${name} flipped ${n.flips.length} times, now ${word(last.to)}`;
  if (last.alert === "recovery") {
    const outage = last.outageMs ?? last.inOldStateMs;
    return `${name} is ${word(last.to)} again${outage !== null ? ` after ${formatDuration(outage)}` : ""}`;
  }
  return `${name} is ${word(last.to)}`;
}

/** The plain-text body: the flips, then the links. */
export function textOf(n: Notification): string {
  if (n.kind === "test" || !n.subject)
    return `This is a test notification from Vigil. If you can read it, the channel "${n.channel.name}" works.`;
  const lines = n.flips.map((f) => describeFlip(f));
  lines.push("", `Details: ${n.subject.dashboardUrl}`);
  if (n.subject.statusPageUrl) lines.push(`Status page: ${n.subject.statusPageUrl}`);
  return lines.join("\n");
}

/** Whether the message reports trouble (red) or good news (green). */
export const isBadNews = (n: Notification): boolean =>
  n.kind !== "test" && (n.flips.at(-1)?.alert === "down" || n.kind === "reminder");

/** The JSON a webhook receives (and the base of the other media). */
export function webhookBodyOf(n: Notification) {
  return {
    event: n.kind,
    delivery: n.deliveryKey,
    title: titleOf(n),
    text: textOf(n),
    flip_ids: n.flips.map((f) => f.id),
    subject: n.subject && {
      kind: n.subject.kind,
      id: n.subject.id,
      name: n.subject.name,
      status: n.subject.status,
      url: n.subject.dashboardUrl,
      status_page_url: n.subject.statusPageUrl,
    },
    flips: n.flips.map((f) => ({
      id: f.id,
      alert: f.alert,
      from: f.from,
      to: f.to,
      at: f.at.toISOString(),
      reason: f.reason,
      in_old_state_ms: f.inOldStateMs,
      outage_ms: f.outageMs,
    })),
    channel: { id: n.channel.id, name: n.channel.name },
    sent_at: n.at.toISOString(),
  };
}
