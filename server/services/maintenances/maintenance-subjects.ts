import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { heartbeats, maintenanceSubjects, monitors } from "@/db/schema";
import type { SubjectKind } from "@/db/schema/flips";
import { notFound } from "@/server/services/errors";
import { isUuid } from "@/server/services/ids";

type Ref = { kind: SubjectKind; id: string };

/** Checks that every subject is a monitor or heartbeat of the workspace; another's is a 404. */
export async function assertSubjectsOf(
  db: DbOrTx,
  workspaceId: string,
  subjects: readonly Ref[],
): Promise<void> {
  for (const kind of ["monitor", "heartbeat"] as const) {
    const ids = [...new Set(subjects.filter((s) => s.kind === kind).map((s) => s.id))];
    const bad = ids.find((id) => !isUuid(id));
    if (bad) throw notFound(`${kind} not found`);
    if (ids.length === 0) continue;
    const table = kind === "monitor" ? monitors : heartbeats;
    const found = await db
      .select({ id: table.id })
      .from(table)
      .where(and(eq(table.workspaceId, workspaceId), inArray(table.id, ids)));
    const missing = ids.find((id) => !found.some((f) => f.id === id));
    if (missing) throw notFound(`${kind} not found`);
  }
}

/** Replaces the maintenance's subjects with these (already checked) ones. */
export async function setMaintenanceSubjects(
  db: DbOrTx,
  maintenance: { id: string; workspaceId: string },
  subjects: readonly Ref[],
): Promise<void> {
  await db.delete(maintenanceSubjects).where(eq(maintenanceSubjects.maintenanceId, maintenance.id));
  const unique = [...new Map(subjects.map((s) => [`${s.kind}:${s.id}`, s])).values()];
  if (unique.length === 0) return;
  await db.insert(maintenanceSubjects).values(
    unique.map((s) => ({
      maintenanceId: maintenance.id,
      workspaceId: maintenance.workspaceId,
      subjectKind: s.kind,
      monitorId: s.kind === "monitor" ? s.id : null,
      heartbeatId: s.kind === "heartbeat" ? s.id : null,
    })),
  );
}
