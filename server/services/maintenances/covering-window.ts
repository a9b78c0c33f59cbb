import { and, eq, gt, isNotNull, isNull, lte, or } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { maintenanceSubjects, maintenances } from "@/db/schema";
import type { SubjectKind } from "@/db/schema/flips";
import { windowAt, type Window } from "@/server/domain/maintenance/maintenance-window";
import { latestWindows, timingOf } from "@/server/services/maintenances/maintenance-records";
import { recordWindowStart } from "@/server/services/maintenances/window-rows";

/**
 * The maintenance window that covers the subject at `at` (the one ending last when several do),
 * or null. A window found running before anyone noticed its start gets its row now.
 */
export async function coveringWindow(
  db: DbOrTx,
  subject: { kind: SubjectKind; id: string },
  at: Date,
): Promise<(Window & { maintenanceId: string }) | null> {
  const column =
    subject.kind === "monitor" ? maintenanceSubjects.monitorId : maintenanceSubjects.heartbeatId;
  const candidates = await db
    .select({ m: maintenances })
    .from(maintenanceSubjects)
    .innerJoin(maintenances, eq(maintenances.id, maintenanceSubjects.maintenanceId))
    .where(
      and(
        eq(column, subject.id),
        or(isNull(maintenances.cancelledAt), gt(maintenances.cancelledAt, at)),
        or(
          isNotNull(maintenances.schedule),
          and(lte(maintenances.startsAt, at), gt(maintenances.endsAt, at)),
        ),
      ),
    );
  if (candidates.length === 0) return null;
  const latest = await latestWindows(
    db,
    candidates.map((c) => c.m.id),
  );
  let best: (Window & { maintenanceId: string }) | null = null;
  for (const { m } of candidates) {
    const w = windowAt(timingOf(m, latest.get(m.id) ?? null), at);
    if (!w) continue;
    if (latest.get(m.id)?.startsAt.getTime() !== w.startsAt.getTime())
      await recordWindowStart(db, m, w);
    if (!best || w.endsAt > best.endsAt) best = { ...w, maintenanceId: m.id };
  }
  return best;
}
