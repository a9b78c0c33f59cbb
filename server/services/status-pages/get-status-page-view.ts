import { and, asc, desc, eq, gte, inArray, isNull, lt, or } from "drizzle-orm";
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
  const [monitorRows, heartbeatRows, before, inside, incidentRows] = await Promise.all([
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
      ? db
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
              eq(incidents.workspaceId, page.workspaceId),
              or(
                shownMonitorIds.length ? inArray(incidents.monitorId, shownMonitorIds) : undefined,
                shownHeartbeatIds.length
                  ? inArray(incidents.heartbeatId, shownHeartbeatIds)
                  : undefined,
              ),
              or(isNull(incidents.resolvedAt), gte(incidents.resolvedAt, firstDay)),
            ),
          )
          .orderBy(desc(incidents.startedAt))
          .limit(INCIDENT_LIMIT * 4)
      : [],
  ]);

  const initial = new Map(before.map((r) => [r.monitorId, r.to as MonitorStatus]));
  const changes = new Map<string, StateChange<MonitorStatus>[]>();
  for (const row of inside) {
    if (!row.monitorId) continue;
    const list = changes.get(row.monitorId) ?? [];
    list.push({ at: row.at, to: row.to as MonitorStatus });
    changes.set(row.monitorId, list);
  }
  const incidentDays = new Map<string, Map<number, number>>();
  for (const inc of incidentRows) {
    const id = inc.monitorId;
    if (!id) continue;
    const perDay = incidentDays.get(id) ?? new Map<number, number>();
    const from = Math.max(0, Math.floor((inc.startedAt.getTime() - firstDay.getTime()) / DAY_MS));
    const end = (inc.resolvedAt ?? now).getTime();
    const to = Math.min(BAR_DAYS - 1, Math.floor((end - 1 - firstDay.getTime()) / DAY_MS));
    for (let d = from; d <= to; d++) perDay.set(d, (perDay.get(d) ?? 0) + 1);
    incidentDays.set(id, perDay);
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
      dayIncidents: [...(incidentDays.get(m.id) ?? new Map<number, number>())].sort(
        (a, b) => a[0] - b[0],
      ),
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
    incidents: incidentViews.slice(0, INCIDENT_LIMIT),
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
