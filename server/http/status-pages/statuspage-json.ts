import type { IncidentView, StatusPageView } from "@/server/domain/status-pages/page-view";
import {
  scheduledMaintenancesJson,
  type MaintenanceFilter,
} from "@/server/http/status-pages/maintenance-json";

/**
 * Atlassian Statuspage API v2 shapes (field names and enums), so aggregators and tools that read
 * Statuspage pages read Vigil's. Components are the page's monitors and heartbeats, in page order.
 */
function pageJson(view: StatusPageView) {
  return {
    id: view.page.id,
    name: view.page.title,
    url: view.page.url,
    time_zone: "Etc/UTC",
    updated_at: latestChange(view),
  };
}

function latestChange(view: StatusPageView): string {
  let latest = view.page.updatedAt;
  for (const s of view.services) if (s.since > latest) latest = s.since;
  for (const i of view.incidents) {
    if (i.startedAt > latest) latest = i.startedAt;
    if (i.resolvedAt && i.resolvedAt > latest) latest = i.resolvedAt;
    for (const u of i.updates ?? []) {
      const at = u.editedAt ?? u.createdAt;
      if (at > latest) latest = at;
    }
  }
  for (const m of view.maintenances) if (m.updatedAt > latest) latest = m.updatedAt;
  return latest;
}

function componentsJson(view: StatusPageView) {
  const common = (position: number) => ({
    position,
    description: null,
    showcase: true,
    start_date: null,
    group_id: null,
    page_id: view.page.id,
    group: false,
    only_show_if_degraded: false,
  });
  return [
    ...view.services.map((s, i) => ({
      id: s.id,
      name: s.name,
      status: s.status,
      created_at: s.since,
      updated_at: s.since,
      ...common(i + 1),
    })),
    ...view.jobs.map((j, i) => ({
      id: j.id,
      name: j.name,
      status: j.status,
      created_at: j.lastPingAt ?? view.page.updatedAt,
      updated_at: j.lastPingAt ?? view.page.updatedAt,
      ...common(view.services.length + i + 1),
    })),
  ];
}

type Component = ReturnType<typeof componentsJson>[number];

function updateJson(
  incident: IncidentView,
  components: Component[],
  u: { id: string; status: string; body: string; createdAt: string; editedAt: string | null },
) {
  const impacts = new Map((incident.subjects ?? []).map((s) => [s.id, s.impact]));
  return {
    id: u.id,
    status: u.status,
    body: u.body,
    incident_id: incident.id,
    created_at: u.createdAt,
    updated_at: u.editedAt ?? u.createdAt,
    display_at: u.createdAt,
    affected_components: components.map((c) => ({
      code: c.id,
      name: c.name,
      old_status: "operational",
      new_status: u.status === "resolved" ? "operational" : (impacts.get(c.id) ?? "major_outage"),
    })),
    deliver_notifications: true,
    custom_tweet: null,
    tweet_id: null,
  };
}

/** The checks' own words on an automatic incident: when it started, and when it ended. */
function machineUpdates(incident: IncidentView) {
  if (incident.manual) return [];
  const at = (id: string, status: string, body: string, when: string) => ({
    id: `${incident.id}-${id}`,
    status,
    body,
    createdAt: when,
    editedAt: null,
  });
  return [
    ...(incident.resolvedAt
      ? [at("resolved", "resolved", "This incident has been resolved.", incident.resolvedAt)]
      : []),
    at(
      "started",
      "investigating",
      incident.cause ? `Detected automatically: ${incident.cause}` : "Detected automatically.",
      incident.startedAt,
    ),
  ];
}

function incidentJson(view: StatusPageView, incident: IncidentView) {
  const ids = new Set(incident.subjects?.map((s) => s.id) ?? [incident.subjectId]);
  const components = componentsJson(view).filter((c) => ids.has(c.id));
  const updates = [...(incident.updates ?? []), ...machineUpdates(incident)]
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .map((u) => updateJson(incident, components, u));
  const status = incident.resolvedAt ? "resolved" : (incident.status ?? "investigating");
  const monitoring = updates.filter((u) => u.status === "monitoring").at(-1);
  return {
    id: incident.id,
    name: incident.title,
    status,
    created_at: incident.startedAt,
    updated_at: updates[0]?.updated_at ?? incident.resolvedAt ?? incident.startedAt,
    monitoring_at: monitoring?.created_at ?? null,
    resolved_at: incident.resolvedAt,
    impact: incident.impact ?? "major",
    shortlink: `${view.page.url}#incident-${incident.id}`,
    started_at: incident.startedAt,
    page_id: view.page.id,
    incident_updates: updates,
    components,
  };
}

const statusJson = (view: StatusPageView) => ({
  page: pageJson(view),
  status: view.overall,
});

const maintenancesOf = (view: StatusPageView, filter: MaintenanceFilter) =>
  scheduledMaintenancesJson(view.page, componentsJson(view), view.maintenances, filter);

const summaryJson = (view: StatusPageView) => ({
  page: pageJson(view),
  components: componentsJson(view),
  incidents: view.incidents.filter((i) => !i.resolvedAt).map((i) => incidentJson(view, i)),
  scheduled_maintenances: maintenancesOf(view, "open"),
  status: view.overall,
});

const componentsDocJson = (view: StatusPageView) => ({
  page: pageJson(view),
  components: componentsJson(view),
});

const incidentsJson = (view: StatusPageView, unresolvedOnly: boolean) => ({
  page: pageJson(view),
  incidents: view.incidents
    .filter((i) => !unresolvedOnly || !i.resolvedAt)
    .map((i) => incidentJson(view, i)),
});

/** What a request under /status/<slug> asks for: the page itself, or one of its JSON documents. */
export type Kind =
  | "html"
  | "view"
  | "summary"
  | "status"
  | "components"
  | "incidents"
  | "unresolved"
  | "maintenances"
  | "maintenances-upcoming"
  | "maintenances-active";

// A Map, not an object: "constructor" or "__proto__" in a URL must name nothing.
const JSON_KINDS = new Map<string, Kind>([
  ["view.json", "view"],
  ["api/v2/summary.json", "summary"],
  ["api/v2/status.json", "status"],
  ["api/v2/components.json", "components"],
  ["api/v2/incidents.json", "incidents"],
  ["api/v2/incidents/unresolved.json", "unresolved"],
  ["api/v2/scheduled-maintenances.json", "maintenances"],
  ["api/v2/scheduled-maintenances/upcoming.json", "maintenances-upcoming"],
  ["api/v2/scheduled-maintenances/active.json", "maintenances-active"],
]);

/** The JSON document a path under /status/<slug>/ names, or null. */
export const jsonKindOf = (tail: string): Kind | null => JSON_KINDS.get(tail) ?? null;

export const JSON_TYPE = "application/json; charset=utf-8";

/** The JSON document of `kind` for a page's view (view.json is the view itself). */
export function renderJson(kind: Kind, view: StatusPageView): unknown {
  switch (kind) {
    case "summary":
      return summaryJson(view);
    case "status":
      return statusJson(view);
    case "components":
      return componentsDocJson(view);
    case "incidents":
      return incidentsJson(view, false);
    case "unresolved":
      return incidentsJson(view, true);
    case "maintenances":
      return { page: pageJson(view), scheduled_maintenances: maintenancesOf(view, "all") };
    case "maintenances-upcoming":
      return { page: pageJson(view), scheduled_maintenances: maintenancesOf(view, "upcoming") };
    case "maintenances-active":
      return { page: pageJson(view), scheduled_maintenances: maintenancesOf(view, "active") };
    default:
      return view;
  }
}
