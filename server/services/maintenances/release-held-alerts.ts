import { and, asc, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { alertDeliveries, flips, heartbeats, heldAlerts, monitors } from "@/db/schema";
import type { SubjectKind } from "@/db/schema/flips";
import type { ServiceCtx } from "@/server/services/context";
import { heldFlipToSend } from "@/server/domain/maintenance/held-alerts";
import { enqueueFlipAlerts } from "@/server/services/alerts/enqueue-flip-alerts";
import { coveringWindow } from "@/server/services/maintenances/covering-window";

const BATCH = 500;

type Due = { held: typeof heldAlerts.$inferSelect; flip: typeof flips.$inferSelect };

/**
 * Looks at the alerts maintenance windows held back whose window has ended: per subject, what its
 * channels must learn now (see heldFlipToSend) is queued in the outbox, and every held row is
 * marked released in the same transaction — rows are claimed with SKIP LOCKED and released once,
 * so several nodes or a late wake-up never send one twice. Returns how many alerts were queued.
 */
export async function releaseHeldAlerts({ ctx }: { ctx: ServiceCtx }): Promise<number> {
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const due = await tx
      .select({ held: heldAlerts, flip: flips })
      .from(heldAlerts)
      .innerJoin(flips, eq(flips.id, heldAlerts.flipId))
      .where(and(isNull(heldAlerts.releasedAt), lte(heldAlerts.releaseAt, now)))
      .orderBy(asc(flips.seq))
      .limit(BATCH)
      .for("update", { of: heldAlerts, skipLocked: true });
    const bySubject = new Map<string, Due[]>();
    for (const d of due)
      bySubject.set(d.held.subjectId, [...(bySubject.get(d.held.subjectId) ?? []), d]);
    let queued = 0;
    for (const group of bySubject.values()) if (await releaseSubject(tx, group, now)) queued++;
    return queued;
  });
}

async function releaseSubject(tx: Tx, group: Due[], now: Date): Promise<boolean> {
  const { subjectKind: kind, subjectId: id, workspaceId } = group[0]!.held;
  const ids = group.map((d) => d.held.flipId);
  const still = await coveringWindow(tx, { kind, id }, now);
  if (still) {
    // Another window (or an extension) covers the subject now: wait for its end.
    await tx
      .update(heldAlerts)
      .set({ releaseAt: still.endsAt, maintenanceId: still.maintenanceId })
      .where(inArray(heldAlerts.flipId, ids));
    return false;
  }
  const state = await stateOf(tx, kind, id);
  const lastAlertedTo = await lastAlertedState(tx, kind, id);
  const held = group.map((d) => ({ ...d.flip, to: d.flip.toStatus }));
  const pick = state === null ? null : heldFlipToSend(kind, state, held, lastAlertedTo);
  await tx.update(heldAlerts).set({ releasedAt: now }).where(inArray(heldAlerts.flipId, ids));
  if (!pick) return false;
  const f = pick.flip;
  await enqueueFlipAlerts(
    tx,
    {
      id: f.id,
      workspaceId,
      subjectKind: kind,
      subjectId: id,
      from: f.fromStatus,
      to: f.toStatus,
      at: f.at,
    },
    pick.endsOutage,
    { releasing: true },
  );
  return true;
}

async function stateOf(tx: Tx, kind: SubjectKind, id: string): Promise<string | null> {
  const table = kind === "monitor" ? monitors : heartbeats;
  const [row] = await tx.select({ status: table.status }).from(table).where(eq(table.id, id));
  return row?.status ?? null;
}

/** The state the subject's channels were last told of: its newest flip that was alerted. */
async function lastAlertedState(tx: Tx, kind: SubjectKind, id: string): Promise<string | null> {
  const column = kind === "monitor" ? flips.monitorId : flips.heartbeatId;
  const [row] = await tx
    .select({ to: flips.toStatus })
    .from(flips)
    .where(
      and(
        eq(column, id),
        sql`exists (select 1 from ${alertDeliveries} d where d.flip_id = ${flips.id} and d.reminder = 0)`,
      ),
    )
    .orderBy(sql`${flips.seq} desc`)
    .limit(1);
  return row?.to ?? null;
}
