import { and, eq, isNull } from "drizzle-orm";
import { flips, incidents } from "@/db/schema";
import type { Tx } from "@/db/client";
import {
  opensIncident,
  resolvesIncident,
  type Flip,
  type MonitorStatus,
} from "@/server/domain/monitors/monitor-state";
import type { FlipEvent } from "@/server/events/bus";
import { enqueueFlipAlerts } from "@/server/services/alerts/enqueue-flip-alerts";

/**
 * Writes a monitor's flip, opens or resolves its incident and queues its alerts (the outbox),
 * inside the caller's transaction (the caller has already won the compare-and-swap on the old
 * state). Returns the event to emit.
 */
export async function recordMonitorFlip(
  tx: Tx,
  monitor: { id: string; workspaceId: string },
  flip: Flip<MonitorStatus>,
  reason: string | null,
): Promise<FlipEvent> {
  const [row] = await tx
    .insert(flips)
    .values({
      workspaceId: monitor.workspaceId,
      subjectKind: "monitor",
      monitorId: monitor.id,
      fromStatus: flip.from,
      toStatus: flip.to,
      reason,
      at: flip.at,
    })
    .returning({ id: flips.id });
  if (!row) throw new Error("flip insert returned no row");
  let incident: FlipEvent["incident"];
  if (resolvesIncident(flip)) {
    const [resolved] = await tx
      .update(incidents)
      .set({ resolvedAt: flip.at, resolvedByFlipId: row.id, status: "resolved" })
      .where(and(eq(incidents.monitorId, monitor.id), isNull(incidents.resolvedAt)))
      .returning({ id: incidents.id });
    if (resolved) incident = { id: resolved.id, change: "resolved" };
  }
  if (opensIncident(flip)) {
    const [opened] = await tx
      .insert(incidents)
      .values({
        workspaceId: monitor.workspaceId,
        subjectKind: "monitor",
        monitorId: monitor.id,
        openedByFlipId: row.id,
        cause: reason,
        startedAt: flip.at,
      })
      .returning({ id: incidents.id });
    if (opened) incident = { id: opened.id, change: "opened" };
  }
  const event: FlipEvent = {
    flipId: row.id,
    workspaceId: monitor.workspaceId,
    subjectKind: "monitor",
    subjectId: monitor.id,
    from: flip.from,
    to: flip.to,
    at: flip.at,
    ...(incident ? { incident } : {}),
  };
  await enqueueFlipAlerts(tx, { ...event, id: row.id }, resolvesIncident(flip));
  return event;
}
