import { sql } from "drizzle-orm";
import { checkResults, flips, incidents, type StatusPage } from "@/db/schema";
import type { DbOrTx } from "@/db/client";
import type { MonitorStatus } from "@/server/domain/monitors/monitor-state";
import type { HeartbeatStatus } from "@/server/domain/heartbeats/heartbeat-state";
import { publicFailure } from "@/server/domain/monitors/public-failure";
import { publicJobFailure } from "@/server/domain/heartbeats/public-job-failure";
import { publicHistory, type HistoryRow } from "@/server/domain/status-pages/public-history";
import { firstBarDay } from "@/server/domain/status-pages/daily-uptime";
import { barsWithMaintenance } from "@/server/domain/maintenance/maintenance-uptime";
import {
  pageMaintenanceOf,
  readPageMaintenance,
} from "@/server/services/maintenances/page-maintenance";
import {
  heartbeatComponentStatus,
  monitorComponentStatus,
  pageOverall,
} from "@/server/domain/status-pages/page-status";
import {
  BAR_DAYS,
  encodeDayIncidents,
  encodeDays,
  uptimeBasisPoints,
  type JobView,
  type ServiceView,
  type StatusPageView,
} from "@/server/domain/status-pages/page-view";
import { monitorUptimeRules } from "@/server/services/monitors/get-monitor-uptimes";
import { loadPageSubjectRows } from "@/server/services/status-pages/list-page-subjects";
import { loadBarHistory, type BarHistory } from "@/server/services/status-pages/bar-history";
import { executePrepared } from "@/db/execute-prepared";
import type { IncidentStatus } from "@/server/domain/incidents/incident-rules";
import { visibleStatus } from "@/server/domain/status-pages/visible-state";
import {
  announcementViews,
  loadPageWords,
  withPageWords,
} from "@/server/services/status-pages/page-words";

const NO_HISTORY: BarHistory = { initial: null, changes: [], dayIncidents: [] };

// Open incidents and the most recent resolved ones; the page is fetched by everyone during one.
const INCIDENT_LIMIT = 20;
// A job's failed runs fold into one entry a day, so more of them are read than entries are shown.
const JOB_INCIDENT_LIMIT = 200;

export const statusPageUrl = (baseUrl: string, slug: string) => `${baseUrl}/status/${slug}`;

/**
 * Everything a visitor sees on a page: overall status, services with 30-day uptime and 90 daily
 * bars (from state intervals), jobs, and incident history (open ones first). Two rounds of queries
 * whatever the number of subjects: the subjects (three), then the bars' history (one, or two while
 * some closed days are not in memory yet) and the incidents (one).
 */
export async function getStatusPageView(
  db: DbOrTx,
  page: StatusPage,
  { now, baseUrl }: { now: Date; baseUrl: string },
): Promise<StatusPageView> {
  const firstDay = firstBarDay(now, BAR_DAYS);
  const maintenanceRead = readPageMaintenance(db, page.workspaceId, { firstDay });
  // Awaited below; this only keeps its failure from going unhandled while the subjects load.
  maintenanceRead.catch(() => {});
  const subjects = await loadPageSubjectRows(db, page);
  const shownMonitors = subjects.monitors.filter((m) => !m.subject.hidden);
  const shownHeartbeats = subjects.heartbeats.filter((h) => !h.subject.hidden);
  const shownMonitorIds = shownMonitors.map((m) => m.subject.id);
  const shownHeartbeatIds = shownHeartbeats.map((h) => h.subject.id);
  const [history, incidentRows, words, maintenanceRows] = await Promise.all([
    loadBarHistory(db, shownMonitorIds, { firstDay, now }),
    shownMonitorIds.length + shownHeartbeatIds.length
      ? listShownIncidents(db, page, shownMonitorIds, shownHeartbeatIds, firstDay)
      : [],
    loadPageWords(db, page, {
      monitorIds: shownMonitorIds,
      heartbeatIds: shownHeartbeatIds,
      since: firstDay,
      now,
    }),
    maintenanceRead,
  ]);
  const maintenance = pageMaintenanceOf(
    maintenanceRows,
    [...shownMonitorIds, ...shownHeartbeatIds],
    now,
  );

  const nowMs = now.getTime();
  const window = { firstDayMs: firstDay.getTime(), days: BAR_DAYS, nowMs };
  const services: ServiceView[] = [];
  for (const { subject: m, row } of shownMonitors) {
    const state = m.status as MonitorStatus;
    const status = monitorComponentStatus(state);
    if (!status) continue;
    const { initial, changes, dayIncidents } = history.get(m.id) ?? NO_HISTORY;
    // Maintenance time counts neither as up nor as down: it leaves the denominator.
    const spans = maintenance.spans.get(m.id) ?? [];
    const bars = barsWithMaintenance(initial, changes, spans, window, monitorUptimeRules);
    const { days, month } = bars;
    services.push({
      id: m.id,
      name: m.name,
      status,
      state,
      since: row.since.toISOString(),
      createdAt: row.createdAt.toISOString(),
      uptime30d: month.uptime,
      days: encodeDays(days.map((d) => uptimeBasisPoints(d.uptime, d.downMs))),
      incidentDays: encodeDayIncidents(dayIncidents),
      maintenanceDays: encodeDayIncidents(bars.maintenanceDays),
    });
  }

  const jobs: JobView[] = [];
  for (const { subject: h, row } of shownHeartbeats) {
    const state = h.status as HeartbeatStatus;
    jobs.push({
      id: h.id,
      name: h.name,
      status: heartbeatComponentStatus(state),
      state,
      lastPingAt: row.lastPingedAt?.toISOString() ?? null,
      nextExpectedAt: state === "paused" ? null : (row.deadline?.toISOString() ?? null),
      runningSince: row.runningSince?.toISOString() ?? null,
    });
  }

  const names = new Map<string, string>([
    ...services.map((s) => [s.id, s.name] as const),
    ...jobs.map((j) => [j.id, j.name] as const),
  ]);
  const historyRows: HistoryRow[] = [];
  for (const inc of incidentRows) {
    const subjectId = (inc.monitorId ?? inc.heartbeatId) as string;
    const name = names.get(subjectId);
    if (name) historyRows.push(historyRow(inc, subjectId, name));
  }
  const entries = publicHistory(historyRows, {
    showJobFailures: page.showJobFailures,
    resolvedLimit: INCIDENT_LIMIT,
  });

  // What people wrote: updates on every incident, manual incidents, the impacts they declared.
  const { incidents: incidentList, declared } = await withPageWords(
    db,
    words,
    entries,
    new Map(incidentRows.map((r) => [r.id, r])),
    new Set([...shownMonitorIds, ...shownHeartbeatIds]),
  );
  for (const subject of [...services, ...jobs])
    subject.status = visibleStatus({
      machine: subject.status,
      declared: declared.get(subject.id) ?? [],
      maintenance: maintenance.covered.has(subject.id),
    });

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
    overall: pageOverall([...services, ...jobs]),
    firstDay: firstDay.toISOString(),
    services,
    jobs,
    incidents: incidentList,
    announcements: announcementViews(words),
    maintenances: maintenance.entries,
  };
}

// A check's own line names addresses and hosts, a job's is written for the dashboard: the public
// page says what a visitor would notice, in its own words.
function historyRow(inc: IncidentRow, subjectId: string, name: string): HistoryRow {
  return {
    id: inc.id,
    subjectKind: inc.subjectKind,
    subjectId,
    name,
    openedAs: inc.openedAs,
    recoveredFrom: inc.recoveredFrom,
    cause:
      inc.subjectKind === "monitor"
        ? publicFailure({
            errorKind: inc.errorKind,
            statusCode: inc.statusCode,
            message: inc.cause,
          })
        : publicJobFailure(inc.openedAs, inc.cause),
    startedMs: inc.startedMs,
    resolvedMs: inc.resolvedMs,
  };
}

type IncidentRow = {
  id: string;
  subjectKind: "monitor" | "heartbeat";
  monitorId: string | null;
  heartbeatId: string | null;
  cause: string | null;
  status: IncidentStatus;
  postmortem: string | null;
  startedMs: number;
  resolvedMs: number | null;
  openedAs: string;
  recoveredFrom: string | null;
  /** The check that opened a monitor's incident, while its result is kept. */
  errorKind: string | null;
  statusCode: number | null;
};

/**
 * The open incidents of these subjects (all of them) and those resolved since `since` (the most
 * recent few of the monitors, more of the jobs for folding; a page without job failures reads none
 * of them), in one statement; the ids go as array parameters, so its text is the same for every
 * page. Times come back as epoch milliseconds, the same from both databases.
 */
async function listShownIncidents(
  db: DbOrTx,
  page: StatusPage,
  monitorIds: string[],
  heartbeatIds: string[],
  since: Date,
): Promise<IncidentRow[]> {
  const select = sql`
    select i.id::text as id, i.subject_kind as "subjectKind", i.monitor_id::text as "monitorId",
           i.heartbeat_id::text as "heartbeatId", i.cause, i.status, i.postmortem,
           floor(date_part('epoch', i.started_at) * 1000)::float8 as "startedMs",
           floor(date_part('epoch', i.resolved_at) * 1000)::float8 as "resolvedMs",
           f.to_status as "openedAs", rf.from_status as "recoveredFrom",
           r.error_kind as "errorKind", r.status_code as "statusCode"
    from ${incidents} i join ${flips} f on f.id = i.opened_by_flip_id
    left join ${flips} rf on rf.id = i.resolved_by_flip_id
    left join lateral (
      select cr.error_kind, cr.status_code from ${checkResults} cr
      where cr.monitor_id = i.monitor_id and cr.checked_at <= f.at
      order by cr.checked_at desc limit 1
    ) r on true
    where i.workspace_id = ${page.workspaceId}::uuid`;
  const monitorsIn = sql`i.monitor_id = any(${sql.param(monitorIds)}::uuid[])`;
  const jobsIn = sql`i.heartbeat_id = any(${sql.param(heartbeatIds)}::uuid[])`;
  const resolvedSince = sql`i.resolved_at >= ${since.toISOString()}::timestamptz`;
  return executePrepared<IncidentRow>(
    db,
    "page_incidents",
    sql`
    (${select} and (${monitorsIn} or ${jobsIn}) and i.resolved_at is null
     order by i.started_at desc limit 1000)
    union all
    (${select} and ${monitorsIn} and ${resolvedSince}
     order by i.started_at desc limit ${sql.raw(String(INCIDENT_LIMIT))})
    union all
    (${select} and ${jobsIn} and ${resolvedSince}
     and (${page.showJobFailures}::boolean or f.to_status <> 'failed')
     order by i.started_at desc limit ${sql.raw(String(JOB_INCIDENT_LIMIT))})`,
  );
}
