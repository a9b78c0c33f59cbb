import { and, eq, isNull } from "drizzle-orm";
import { flips, incidents } from "@/db/schema";
import type { Tx } from "@/db/client";
import {
  opensIncident,
  resolvesIncident,
  type HeartbeatFlip,
} from "@/server/domain/heartbeats/heartbeat-state";
import type { FlipEvent } from "@/server/events/bus";
import { enqueueFlipAlerts } from "@/server/services/alerts/enqueue-flip-alerts";

export type PendingFlip = {
  heartbeatId: string;
  workspaceId: string;
  flip: HeartbeatFlip;
  reason: string | null;
};

/**
 * Writes heartbeat flips in bulk, opens or resolves their incidents and queues their alerts (the
 * outbox), inside the caller's transaction (which holds the heartbeat rows locked). Returns the events to emit after commit.
 */
export async function recordHeartbeatFlips(tx: Tx, pending: PendingFlip[]): Promise<FlipEvent[]> {
  if (pending.length === 0) return [];
  const rows = await tx
    .insert(flips)
    .values(
      pending.map((p) => ({
        workspaceId: p.workspaceId,
        subjectKind: "heartbeat" as const,
        heartbeatId: p.heartbeatId,
        fromStatus: p.flip.from,
        toStatus: p.flip.to,
        reason: p.reason,
        at: p.flip.at,
      })),
    )
    .returning({ id: flips.id });
  const events: FlipEvent[] = [];
  for (const [i, p] of pending.entries()) {
    const id = rows[i]?.id;
    if (!id) throw new Error("flip insert returned too few rows");
    const { incident, endsOutage } = await settleIncident(tx, p, id);
    const event: FlipEvent = {
      flipId: id,
      workspaceId: p.workspaceId,
      subjectKind: "heartbeat",
      subjectId: p.heartbeatId,
      from: p.flip.from,
      to: p.flip.to,
      at: p.flip.at,
      ...(incident ? { incident } : {}),
    };
    await enqueueFlipAlerts(tx, { ...event, id }, endsOutage);
    events.push(event);
  }
  return events;
}

/** Resolves the heartbeat's open incident or opens one, as the flip says; returns what it did. */
async function settleIncident(
  tx: Tx,
  p: PendingFlip,
  flipId: string,
): Promise<{ incident: FlipEvent["incident"]; endsOutage: boolean }> {
  let incident: FlipEvent["incident"];
  let endsOutage = false;
  if (resolvesIncident(p.flip)) {
    const [resolved] = await tx
      .update(incidents)
      .set({ resolvedAt: p.flip.at, resolvedByFlipId: flipId, status: "resolved" })
      .where(and(eq(incidents.heartbeatId, p.heartbeatId), isNull(incidents.resolvedAt)))
      .returning({ id: incidents.id });
    if (resolved) {
      endsOutage = true;
      incident = { id: resolved.id, change: "resolved" };
    }
  }
  if (opensIncident(p.flip)) {
    // A run that started after an outage and then failed again continues the open incident.
    const [open] = await tx
      .select({ id: incidents.id })
      .from(incidents)
      .where(and(eq(incidents.heartbeatId, p.heartbeatId), isNull(incidents.resolvedAt)))
      .limit(1);
    if (!open) {
      const [opened] = await tx
        .insert(incidents)
        .values({
          workspaceId: p.workspaceId,
          subjectKind: "heartbeat",
          heartbeatId: p.heartbeatId,
          openedByFlipId: flipId,
          cause: p.reason,
          startedAt: p.flip.at,
        })
        .returning({ id: incidents.id });
      if (opened) incident = { id: opened.id, change: "opened" };
    }
  }
  return { incident, endsOutage };
}
