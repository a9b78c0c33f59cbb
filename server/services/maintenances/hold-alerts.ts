import type { Tx } from "@/db/client";
import { heldAlerts } from "@/db/schema";
import type { SubjectKind } from "@/db/schema/flips";
import { coveringWindow } from "@/server/services/maintenances/covering-window";

/**
 * Inside the flip's transaction: when a maintenance window covers the subject at the flip's
 * time, records the flip as held back until the window ends (instead of queuing its alerts) and
 * returns true. The flip itself is recorded and shown like any other.
 */
export async function holdForMaintenance(
  tx: Tx,
  flip: { id: string; workspaceId: string; subjectKind: SubjectKind; subjectId: string; at: Date },
): Promise<boolean> {
  const window = await coveringWindow(tx, { kind: flip.subjectKind, id: flip.subjectId }, flip.at);
  if (!window) return false;
  await tx
    .insert(heldAlerts)
    .values({
      flipId: flip.id,
      workspaceId: flip.workspaceId,
      maintenanceId: window.maintenanceId,
      subjectKind: flip.subjectKind,
      subjectId: flip.subjectId,
      releaseAt: window.endsAt,
    })
    .onConflictDoNothing();
  return true;
}
