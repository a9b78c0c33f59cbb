import { inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { heartbeats, monitors, type Channel, type FlipRow } from "@/db/schema";
import type { SubjectKind } from "@/db/schema/flips";
import { alertKindOf } from "@/server/domain/alerts/alert-policy";
import type { Notification, NotifiedFlip } from "@/server/alerts/notification";

export type Subject = {
  kind: SubjectKind;
  id: string;
  workspaceId: string;
  name: string;
  status: string;
  createdAt: Date;
};

/** The monitors and heartbeats behind these lanes, by id (two queries at most). */
export async function findSubjects(
  db: DbOrTx,
  refs: readonly { kind: SubjectKind; id: string }[],
): Promise<Map<string, Subject>> {
  const found = new Map<string, Subject>();
  for (const kind of ["monitor", "heartbeat"] as const) {
    const ids = [...new Set(refs.filter((r) => r.kind === kind).map((r) => r.id))];
    if (ids.length === 0) continue;
    const table = kind === "monitor" ? monitors : heartbeats;
    const rows = await db
      .select({
        id: table.id,
        workspaceId: table.workspaceId,
        name: table.name,
        status: table.status,
        createdAt: table.createdAt,
      })
      .from(table)
      .where(inArray(table.id, ids));
    for (const row of rows) found.set(row.id, { ...row, kind });
  }
  return found;
}

const dashboardUrlOf = (baseUrl: string, kind: SubjectKind, id: string) =>
  `${baseUrl}/dashboard/${kind === "monitor" ? "monitors" : "heartbeats"}/${id}`;

/** A pending flip with what its message needs to say about durations. */
export type FlipToNotify = FlipRow & {
  /** When the subject entered the old state (its previous flip), if it had one. */
  previousAt: Date | null;
  /** On a flip that ended an outage: when that outage began. */
  outageStartedAt: Date | null;
};

/**
 * What one message says about a subject's flips (oldest first): each flip's alert kind, how long
 * the old state had lasted, and on a recovery the outage it ended.
 */
export function buildNotification(args: {
  kind: "alert" | "reminder";
  subject: Subject;
  channel: Channel;
  flips: FlipToNotify[];
  now: Date;
  baseUrl: string;
  statusPageUrl: string | null;
}): Notification {
  const { subject, channel } = args;
  const notified: NotifiedFlip[] = args.flips.map((flip) => {
    const since = flip.previousAt ?? subject.createdAt;
    const outageMs = flip.outageStartedAt
      ? flip.at.getTime() - flip.outageStartedAt.getTime()
      : null;
    return {
      id: flip.id,
      alert:
        alertKindOf(
          subject.kind,
          { from: flip.fromStatus, to: flip.toStatus },
          outageMs !== null,
        ) ?? "down",
      from: flip.fromStatus,
      to: flip.toStatus,
      at: flip.at,
      reason: flip.reason,
      inOldStateMs: flip.at.getTime() - since.getTime(),
      outageMs,
    };
  });
  const newest = args.flips.at(-1);
  return {
    kind: args.kind,
    deliveryKey: `${newest?.id ?? "none"}.${channel.id}`,
    channel: { id: channel.id, name: channel.name },
    subject: {
      kind: subject.kind,
      id: subject.id,
      name: subject.name,
      status: subject.status,
      dashboardUrl: dashboardUrlOf(args.baseUrl, subject.kind, subject.id),
      statusPageUrl: args.statusPageUrl,
    },
    flips: notified,
    at: args.now,
  };
}
