import { and, desc, eq, isNull, gte, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import {
  incidentSubjects,
  incidentUpdates,
  incidents,
  type Incident,
  type IncidentSubject,
  type StatusPage,
} from "@/db/schema";
import type { SubjectImpact } from "@/server/domain/incidents/incident-rules";
import { incidentImpact } from "@/server/domain/incidents/incident-rules";
import type {
  AnnouncementView,
  IncidentView,
  UpdateView,
} from "@/server/domain/status-pages/page-view";
import { newestFirst } from "@/server/domain/status-pages/public-history";
import { currentAnnouncements } from "@/server/services/announcements/announcements";

// Manual incidents a page reads: all open ones and the newest resolved ones of its window.
const MANUAL_LIMIT = 50;

type Shown = { monitorIds: string[]; heartbeatIds: string[]; since: Date; now: Date };

/** Round one, beside the history: the page's manual incidents and its announcements. */
export async function loadPageWords(db: DbOrTx, page: StatusPage, shown: Shown) {
  // Lists go as array parameters, so each statement's text is the same for every page and it is
  // prepared once per connection (one round trip per render instead of two).
  const onPage = or(
    sql`${incidentSubjects.monitorId} = any(${sql.param(shown.monitorIds)}::uuid[])`,
    sql`${incidentSubjects.heartbeatId} = any(${sql.param(shown.heartbeatIds)}::uuid[])`,
  );
  const [manual, notices] = await Promise.all([
    shown.monitorIds.length + shown.heartbeatIds.length
      ? db
          .select()
          .from(incidents)
          .where(
            and(
              eq(incidents.workspaceId, page.workspaceId),
              eq(incidents.automatic, false),
              or(isNull(incidents.resolvedAt), gte(incidents.resolvedAt, shown.since)),
              sql`exists (select 1 from ${incidentSubjects} where ${incidentSubjects.incidentId} = ${incidents.id} and ${onPage})`,
            ),
          )
          .orderBy(desc(incidents.startedAt))
          .limit(MANUAL_LIMIT)
          .prepare("page_manual_incidents")
          .execute()
      : [],
    currentAnnouncements(db, page.id, shown.now),
  ]);
  return { manual, notices };
}

type Words = Awaited<ReturnType<typeof loadPageWords>>;

/** Round two: the updates of every incident shown, and what the manual ones affect. */
async function loadIncidentWords(db: DbOrTx, incidentIds: string[], manualIds: string[]) {
  const [updates, subjects] = await Promise.all([
    incidentIds.length
      ? db
          .select()
          .from(incidentUpdates)
          .where(sql`${incidentUpdates.incidentId} = any(${sql.param(incidentIds)}::uuid[])`)
          .orderBy(desc(incidentUpdates.createdAt), desc(incidentUpdates.id))
          .prepare("page_incident_updates")
          .execute()
      : [],
    manualIds.length
      ? db
          .select()
          .from(incidentSubjects)
          .where(sql`${incidentSubjects.incidentId} = any(${sql.param(manualIds)}::uuid[])`)
          .prepare("page_incident_subjects")
          .execute()
      : [],
  ]);
  const byIncident = new Map<string, UpdateView[]>();
  for (const u of updates) {
    const list = byIncident.get(u.incidentId) ?? [];
    list.push({
      id: u.id,
      status: u.status,
      body: u.body,
      createdAt: u.createdAt.toISOString(),
      editedAt: u.editedAt?.toISOString() ?? null,
    });
    byIncident.set(u.incidentId, list);
  }
  return { updates: byIncident, subjects };
}

type IncidentWords = Awaited<ReturnType<typeof loadIncidentWords>>;

/**
 * The page's incident list with what people wrote: the checks' entries gain their updates,
 * status and postmortem; manual incidents join them (only their subjects shown on the page).
 * Open ones first, then newest first.
 */
function mergeIncidents(
  entries: IncidentView[],
  automatic: Map<string, Pick<Incident, "status" | "postmortem">>,
  words: Words,
  incidentWords: IncidentWords,
  shownIds: Set<string>,
): IncidentView[] {
  const withWords = entries.map((e) => {
    const row = automatic.get(e.id);
    if (!row) return e;
    return {
      ...e,
      status: row.status,
      impact: "major" as const,
      updates: incidentWords.updates.get(e.id) ?? [],
      postmortem: row.postmortem,
    };
  });
  const manual = words.manual.flatMap((row) => {
    const subjects = incidentWords.subjects
      .filter((s) => s.incidentId === row.id)
      .map(subjectOf)
      .filter((s) => shownIds.has(s.id));
    const first = subjects[0];
    if (!first) return [];
    const view: IncidentView = {
      id: row.id,
      subjectKind: first.kind,
      subjectId: first.id,
      title: row.title ?? "Incident",
      cause: null,
      startedAt: row.startedAt.toISOString(),
      resolvedAt: row.resolvedAt?.toISOString() ?? null,
      status: row.status,
      impact: incidentImpact({
        impact: row.impact,
        automatic: false,
        subjectImpacts: subjects.map((s) => s.impact),
      }),
      manual: true,
      subjects,
      updates: incidentWords.updates.get(row.id) ?? [],
      postmortem: row.postmortem,
    };
    return [view];
  });
  const all = [...withWords, ...manual];
  return [
    ...all.filter((i) => i.resolvedAt === null).sort(newestFirst),
    ...all.filter((i) => i.resolvedAt !== null).sort(newestFirst),
  ];
}

const subjectOf = (s: IncidentSubject) => ({
  kind: s.subjectKind,
  id: (s.monitorId ?? s.heartbeatId) as string,
  impact: s.impact,
});

/** The impacts people declared on each subject through open manual incidents. */
function declaredImpacts(incidentList: readonly IncidentView[]) {
  const declared = new Map<string, SubjectImpact[]>();
  for (const i of incidentList) {
    if (!i.manual || i.resolvedAt !== null) continue;
    for (const s of i.subjects ?? []) declared.set(s.id, [...(declared.get(s.id) ?? []), s.impact]);
  }
  return declared;
}

export const announcementViews = (words: Words): AnnouncementView[] =>
  words.notices.map((a) => ({
    id: a.id,
    body: a.body,
    createdAt: a.createdAt.toISOString(),
    expiresAt: a.expiresAt?.toISOString() ?? null,
  }));

/** The incident list with what people wrote, and the impacts they declared per subject. */
export async function withPageWords(
  db: DbOrTx,
  words: Words,
  entries: IncidentView[],
  automatic: Map<string, Pick<Incident, "status" | "postmortem">>,
  shownIds: Set<string>,
) {
  const manualIds = words.manual.map((m) => m.id);
  const autoIds = entries.filter((e) => automatic.has(e.id)).map((e) => e.id);
  const incidentWords = await loadIncidentWords(db, [...autoIds, ...manualIds], manualIds);
  const list = mergeIncidents(entries, automatic, words, incidentWords, shownIds);
  return { incidents: list, declared: declaredImpacts(list) };
}
