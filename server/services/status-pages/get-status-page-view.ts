import { and, asc, desc, eq, gte, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { rowsOf } from "@/server/services/checks/claim-due-monitors";
import { flips, heartbeats, incidents, monitors, type StatusPage } from "@/db/schema";
import type { DbOrTx } from "@/db/client";
import type { MonitorStatus } from "@/server/domain/monitors/monitor-state";
import type { HeartbeatStatus } from "@/server/domain/heartbeats/heartbeat-state";
import { computeUptime, type StateChange } from "@/server/domain/uptime/uptime";
import { DAY_MS, dailyUptime, firstBarDay } from "@/server/domain/status-pages/daily-uptime";
import {
  heartbeatComponentStatus,
  monitorComponentStatus,
  overallStatus,
  type ComponentStatus,
} from "@/server/domain/status-pages/page-status";
import {
  BAR_DAYS,
  encodeDays,
  uptimeBasisPoints,
  type IncidentView,
  type JobView,
  type ServiceView,
  type StatusPageView,
} from "@/server/domain/status-pages/page-view";
import { monitorUptimeRules } from "@/server/services/monitors/get-monitor-uptimes";
import { loadPageSubjects } from "@/server/services/status-pages/list-page-subjects";

// Open incidents and the most recent resolved ones; the page is fetched by everyone during one.
const INCIDENT_LIMIT = 20;

export const statusPageUrl = (baseUrl: string, slug: string) => `${baseUrl}/status/${slug}`;

/**
 * Everything a visitor sees on a page: overall status, services with 30-day uptime and 90 daily
 * bars (from state intervals), jobs, and incident history (open ones first). Six queries whatever
 * the number of subjects.
 */
export async function getStatusPageView(
  db: DbOrTx,
  page: StatusPage,
  { now, baseUrl }: { now: Date; baseUrl: string },
): Promise<StatusPageView> {
  const firstDay = firstBarDay(now, BAR_DAYS);
  const subjects = await loadPageSubjects(db, page);
  const shownMonitorIds = subjects.monitors.filter((s) => !s.hidden).map((s) => s.id);
  const shownHeartbeatIds = subjects.heartbeats.filter((s) => !s.hidden).map((s) => s.id);
  const [monitorRows, heartbeatRows, before, inside, incidentRows, dayCounts] = await Promise.all([
    shownMonitorIds.length
      ? db
          .select({
            id: monitors.id,
            name: monitors.name,
            status: monitors.status,
            since: monitors.statusChangedAt,
          })
          .from(monitors)
          .where(
            and(eq(monitors.workspaceId, page.workspaceId), inArray(monitors.id, shownMonitorIds)),
          )
      : [],
    shownHeartbeatIds.length
      ? db
          .select()
          .from(heartbeats)
          .where(
            and(
              eq(heartbeats.workspaceId, page.workspaceId),
              inArray(heartbeats.id, shownHeartbeatIds),
            ),
          )
      : [],
    shownMonitorIds.length
      ? db
          .selectDistinctOn([flips.monitorId], { monitorId: flips.monitorId, to: flips.toStatus })
          .from(flips)
          .where(and(inArray(flips.monitorId, shownMonitorIds), lt(flips.at, firstDay)))
          .orderBy(flips.monitorId, desc(flips.at), desc(flips.seq))
      : [],
    shownMonitorIds.length
      ? db
          .select({ monitorId: flips.monitorId, to: flips.toStatus, at: flips.at })
          .from(flips)
          .where(and(inArray(flips.monitorId, shownMonitorIds), gte(flips.at, firstDay)))
          .orderBy(asc(flips.at), asc(flips.seq))
      : [],
    shownMonitorIds.length + shownHeartbeatIds.length
      ? Promise.all([
          listIncidents(db, page.workspaceId, shownMonitorIds, shownHeartbeatIds, "open"),
          listIncidents(db, page.workspaceId, shownMonitorIds, shownHeartbeatIds, firstDay),
        ]).then(([open, recent]) => [...open, ...recent])
      : [],
    shownMonitorIds.length ? incidentsPerDay(db, shownMonitorIds, firstDay, now) : [],
  ]);

  const initial = new Map(before.map((r) => [r.monitorId, r.to as MonitorStatus]));
  const changes = new Map<string, StateChange<MonitorStatus>[]>();
  for (const row of inside) {
    if (!row.monitorId) continue;
    const list = changes.get(row.monitorId) ?? [];
    list.push({ at: row.at, to: row.to as MonitorStatus });
    changes.set(row.monitorId, list);
  }
  const incidentDays = new Map<string, [number, number][]>();
  for (const row of dayCounts) {
    if (row.idx < 0 || row.idx >= BAR_DAYS) continue;
    const list = incidentDays.get(row.monitorId) ?? [];
    list.push([row.idx, row.n]);
    incidentDays.set(row.monitorId, list);
  }

  const monitorById = new Map(monitorRows.map((m) => [m.id, m]));
  const from30 = new Date(now.getTime() - 30 * DAY_MS);
  const services: ServiceView[] = [];
  for (const subject of subjects.monitors) {
    const m = monitorById.get(subject.id);
    const status = m ? monitorComponentStatus(m.status as MonitorStatus) : null;
    if (!m || !status) continue;
    const list = changes.get(m.id) ?? [];
    const start = initial.get(m.id) ?? null;
    const days = dailyUptime(start, list, { firstDay, days: BAR_DAYS, now }, monitorUptimeRules);
    const at30 = [...list].reverse().find((c) => c.at <= from30)?.to ?? start;
    const month = computeUptime(
      at30,
      list.filter((c) => c.at > from30),
      { from: from30, to: now },
      monitorUptimeRules,
    );
    services.push({
      id: m.id,
      name: m.name,
      status,
      state: m.status as MonitorStatus,
      since: m.since.toISOString(),
      uptime30d: month.uptime,
      days: encodeDays(days.map((d) => uptimeBasisPoints(d.uptime, d.downMs))),
      dayIncidents: (incidentDays.get(m.id) ?? []).sort((a, b) => a[0] - b[0]),
    });
  }

  const heartbeatById = new Map(heartbeatRows.map((h) => [h.id, h]));
  const jobs: JobView[] = [];
  for (const subject of subjects.heartbeats) {
    const h = heartbeatById.get(subject.id);
    if (!h) continue;
    const state = h.status as HeartbeatStatus;
    jobs.push({
      id: h.id,
      name: h.name,
      status: heartbeatComponentStatus(state),
      state,
      lastPingAt: h.lastPingedAt?.toISOString() ?? null,
      nextExpectedAt: state === "paused" ? null : (h.deadline?.toISOString() ?? null),
      runningSince: h.runningSince?.toISOString() ?? null,
    });
  }

  const names = new Map<string, string>([
    ...services.map((s) => [s.id, s.name] as const),
    ...jobs.map((j) => [j.id, j.name] as const),
  ]);
  const incidentViews: IncidentView[] = [];
  for (const inc of incidentRows) {
    const subjectId = (inc.monitorId ?? inc.heartbeatId) as string;
    const name = names.get(subjectId);
    if (!name) continue;
    incidentViews.push({
      id: inc.id,
      subjectKind: inc.subjectKind,
      subjectId,
      title: incidentTitle(name, inc.subjectKind, inc.openedAs, inc.resolvedAt !== null),
      cause: inc.cause,
      startedAt: inc.startedAt.toISOString(),
      resolvedAt: inc.resolvedAt?.toISOString() ?? null,
    });
  }
  incidentViews.sort(
    (a, b) =>
      Number(a.resolvedAt !== null) - Number(b.resolvedAt !== null) ||
      b.startedAt.localeCompare(a.startedAt),
  );
  const open = incidentViews.filter((i) => i.resolvedAt === null);
  const shownIncidents = [
    ...open,
    ...incidentViews.filter((i) => i.resolvedAt !== null).slice(0, INCIDENT_LIMIT),
  ];

  const statuses: ComponentStatus[] = [
    ...services.map((s) => s.status),
    ...jobs.map((j) => j.status),
  ];
  return {
    page: {
      id: page.id,
      slug: page.slug,
      title: page.title,
      description: page.description,
      url: statusPageUrl(baseUrl, page.slug),
      visibility: page.visibility,
      updatedAt: page.updatedAt.toISOString(),
    },
    generatedAt: now.toISOString(),
    overall: overallStatus(statuses),
    firstDay: firstDay.toISOString(),
    services,
    jobs,
    incidents: shownIncidents,
  };
}

function incidentTitle(
  name: string,
  kind: "monitor" | "heartbeat",
  openedAs: string,
  resolved: boolean,
) {
  if (kind === "monitor") return resolved ? `${name} was down` : `${name} is down`;
  if (openedAs === "failed") return resolved ? `${name} failed` : `${name} is failing`;
  return resolved ? `${name} missed its schedule` : `${name} is missing`;
}

/** Open incidents (all of them), or those resolved since `since` (the most recent few). */
function listIncidents(
  db: DbOrTx,
  workspaceId: string,
  monitorIds: string[],
  heartbeatIds: string[],
  which: "open" | Date,
) {
  return db
    .select({
      id: incidents.id,
      subjectKind: incidents.subjectKind,
      monitorId: incidents.monitorId,
      heartbeatId: incidents.heartbeatId,
      cause: incidents.cause,
      startedAt: incidents.startedAt,
      resolvedAt: incidents.resolvedAt,
      openedAs: flips.toStatus,
    })
    .from(incidents)
    .innerJoin(flips, eq(flips.id, incidents.openedByFlipId))
    .where(
      and(
        eq(incidents.workspaceId, workspaceId),
        or(
          monitorIds.length ? inArray(incidents.monitorId, monitorIds) : undefined,
          heartbeatIds.length ? inArray(incidents.heartbeatId, heartbeatIds) : undefined,
        ),
        which === "open" ? isNull(incidents.resolvedAt) : gte(incidents.resolvedAt, which),
      ),
    )
    .orderBy(desc(incidents.startedAt))
    .limit(which === "open" ? 1000 : INCIDENT_LIMIT);
}

/** How many incidents touched each UTC day of the bars, per monitor, counted in the database. */
async function incidentsPerDay(
  db: DbOrTx,
  monitorIds: string[],
  firstDay: Date,
  now: Date,
): Promise<{ monitorId: string; idx: number; n: number }[]> {
  const first = firstDay.toISOString();
  const result = await db.execute(sql`
    select i.monitor_id as "monitorId",
           floor((extract(epoch from d) - extract(epoch from ${first}::timestamptz)) / 86400)::int as idx,
           count(*)::int as n
    from ${incidents} i
    cross join lateral generate_series(
      date_trunc('day', greatest(i.started_at, ${first}::timestamptz), 'UTC'),
      coalesce(i.resolved_at, ${now.toISOString()}::timestamptz) - interval '1 millisecond',
      interval '1 day') as d
    where i.monitor_id in (${sql.join(
      monitorIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})
      and (i.resolved_at is null or i.resolved_at > ${first}::timestamptz)
    group by 1, 2`);
  return rowsOf<{ monitorId: string; idx: number; n: number }>(result);
}
