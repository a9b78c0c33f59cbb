import { and, desc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import {
  heartbeats,
  incidentSubjects,
  incidentUpdates,
  monitors,
  type Incident,
} from "@/db/schema";
import type { SubjectKind } from "@/db/schema/flips";
import {
  incidentImpact,
  type IncidentImpact,
  type IncidentStatus,
  type SubjectImpact,
} from "@/server/domain/incidents/incident-rules";
import type { WrittenUpdate } from "@/server/domain/incidents/written-update";

export type IncidentUpdateDetails = WrittenUpdate<Date>;

/** An incident as the dashboard and the API show it (updates newest first). */
export type IncidentDetails = {
  id: string;
  title: string;
  status: IncidentStatus;
  impact: IncidentImpact;
  automatic: boolean;
  subjects: { kind: SubjectKind; id: string; name: string; impact: SubjectImpact }[];
  cause: string | null;
  startedAt: Date;
  resolvedAt: Date | null;
  updates: IncidentUpdateDetails[];
  postmortem: string | null;
};

/** What an automatic incident is called: its subject and what the checks found. */
const automaticTitle = (name: string, kind: SubjectKind) =>
  kind === "monitor" ? `${name} is down` : `${name} did not run as expected`;

/** Subjects (with names) and updates of these incidents of one workspace, in two rounds. */
export async function incidentDetails(
  db: DbOrTx,
  workspaceId: string,
  rows: readonly Incident[],
): Promise<IncidentDetails[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [declared, updates] = await Promise.all([
    db.select().from(incidentSubjects).where(inArray(incidentSubjects.incidentId, ids)),
    db
      .select()
      .from(incidentUpdates)
      .where(inArray(incidentUpdates.incidentId, ids))
      .orderBy(desc(incidentUpdates.createdAt), desc(incidentUpdates.id)),
  ]);
  const names = await subjectNames(db, workspaceId, [
    ...rows.flatMap((r) => [r.monitorId, r.heartbeatId]),
    ...declared.flatMap((s) => [s.monitorId, s.heartbeatId]),
  ]);
  return rows.map((row) => {
    const own = declared.filter((s) => s.incidentId === row.id);
    const subjects = row.automatic
      ? automaticSubjects(row)
      : own.map((s) => ({
          kind: s.subjectKind,
          id: (s.monitorId ?? s.heartbeatId) as string,
          impact: s.impact,
        }));
    const named = subjects.map((s) => ({ ...s, name: names.get(s.id) ?? "" }));
    return {
      id: row.id,
      title: row.title ?? (named[0] ? automaticTitle(named[0].name, named[0].kind) : "Incident"),
      status: row.status,
      impact: incidentImpact({
        impact: row.impact,
        automatic: row.automatic,
        subjectImpacts: subjects.map((s) => s.impact),
      }),
      automatic: row.automatic,
      subjects: named,
      cause: row.cause,
      startedAt: row.startedAt,
      resolvedAt: row.resolvedAt,
      updates: updates
        .filter((u) => u.incidentId === row.id)
        .map((u) => ({
          id: u.id,
          status: u.status,
          body: u.body,
          createdAt: u.createdAt,
          editedAt: u.editedAt,
        })),
      postmortem: row.postmortem,
    };
  });
}

function automaticSubjects(row: Incident) {
  const id = row.monitorId ?? row.heartbeatId;
  if (!id || !row.subjectKind) return [];
  return [{ kind: row.subjectKind, id, impact: "major_outage" as SubjectImpact }];
}

async function subjectNames(db: DbOrTx, workspaceId: string, ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map<string, string>();
  const [mons, hbs] = await Promise.all([
    db
      .select({ id: monitors.id, name: monitors.name })
      .from(monitors)
      .where(and(eq(monitors.workspaceId, workspaceId), inArray(monitors.id, wanted))),
    db
      .select({ id: heartbeats.id, name: heartbeats.name })
      .from(heartbeats)
      .where(and(eq(heartbeats.workspaceId, workspaceId), inArray(heartbeats.id, wanted))),
  ]);
  return new Map<string, string>([...mons, ...hbs].map((s) => [s.id, s.name]));
}
