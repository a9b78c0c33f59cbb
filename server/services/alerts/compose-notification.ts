import { and, desc, eq, inArray, lt } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { flips, heartbeats, incidents, monitors, type Channel, type FlipRow } from "@/db/schema";
import type { SubjectKind } from "@/db/schema/flips";
import { alertKindOf } from "@/server/domain/alerts/alert-policy";
import type { Notification, NotifiedFlip } from "@/server/alerts/notification";
import { findStatusPageUrl } from "@/server/services/alerts/find-status-page-url";

export type Subject = {
  kind: SubjectKind;
  id: string;
  workspaceId: string;
  name: string;
  status: string;
  createdAt: Date;
};

export async function findSubject(
  db: DbOrTx,
  kind: SubjectKind,
  id: string,
): Promise<Subject | null> {
  const table = kind === "monitor" ? monitors : heartbeats;
  const [row] = await db
    .select({
      id: table.id,
      workspaceId: table.workspaceId,
      name: table.name,
      status: table.status,
      createdAt: table.createdAt,
    })
    .from(table)
    .where(eq(table.id, id));
  return row ? { ...row, kind } : null;
}

export const dashboardUrlOf = (baseUrl: string, kind: SubjectKind, id: string) =>
  `${baseUrl}/dashboard/${kind === "monitor" ? "monitors" : "heartbeats"}/${id}`;

/**
 * What one message says about a subject's flips (oldest first): each flip's alert kind, how long
 * the old state had lasted, and on a recovery the outage it ended.
 */
export async function composeNotification(
  db: DbOrTx,
  args: {
    kind: "alert" | "reminder";
    subject: Subject;
    channel: Channel;
    flips: FlipRow[];
    now: Date;
    baseUrl: string;
  },
): Promise<Notification> {
  const { subject, channel } = args;
  const subjectColumn = subject.kind === "monitor" ? flips.monitorId : flips.heartbeatId;
  const resolved = await db
    .select({
      flipId: incidents.resolvedByFlipId,
      startedAt: incidents.startedAt,
      resolvedAt: incidents.resolvedAt,
    })
    .from(incidents)
    .where(
      inArray(
        incidents.resolvedByFlipId,
        args.flips.map((f) => f.id),
      ),
    );
  const notified: NotifiedFlip[] = [];
  for (const flip of args.flips) {
    const [previous] = await db
      .select({ at: flips.at })
      .from(flips)
      .where(and(eq(subjectColumn, subject.id), lt(flips.seq, flip.seq)))
      .orderBy(desc(flips.seq))
      .limit(1);
    const since = previous?.at ?? subject.createdAt;
    const outage = resolved.find((r) => r.flipId === flip.id);
    notified.push({
      id: flip.id,
      alert:
        alertKindOf(subject.kind, { from: flip.fromStatus, to: flip.toStatus }, Boolean(outage)) ??
        "down",
      from: flip.fromStatus,
      to: flip.toStatus,
      at: flip.at,
      reason: flip.reason,
      inOldStateMs: flip.at.getTime() - since.getTime(),
      outageMs:
        outage?.resolvedAt != null
          ? outage.resolvedAt.getTime() - outage.startedAt.getTime()
          : null,
    });
  }
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
      statusPageUrl: await findStatusPageUrl(db, subject, args.baseUrl),
    },
    flips: notified,
    at: args.now,
  };
}
