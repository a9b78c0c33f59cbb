import type { PageMaintenanceView } from "@/server/domain/maintenance/page-maintenance";

type Component = { id: string; name: string; status: string };
type Page = { id: string; url: string };

/** Which scheduled maintenances a Statuspage document lists. */
export type MaintenanceFilter = "all" | "upcoming" | "active" | "open";

const wanted = (m: PageMaintenanceView, filter: MaintenanceFilter) =>
  filter === "all" ||
  (filter === "upcoming" && m.status === "scheduled") ||
  (filter === "active" && m.status === "in_progress") ||
  (filter === "open" && m.status !== "completed");

/**
 * Atlassian's scheduled maintenance: an incident with impact "maintenance", scheduled_for and
 * scheduled_until, and the people's updates as incident_updates (newest first). Its components are
 * the page's subjects it covers, in their status now.
 */
function maintenanceJson(page: Page, components: Component[], m: PageMaintenanceView) {
  const covered = components.filter((c) => m.subjectIds.includes(c.id));
  const resolvedAt = m.status === "completed" ? m.endsAt : null;
  // What was written when it was planned reads as its first ("scheduled") update.
  const planned = m.body
    ? [
        {
          id: `${m.id}-planned`,
          status: "scheduled",
          body: m.body,
          createdAt: m.createdAt,
          editedAt: null,
        },
      ]
    : [];
  const updates = [...m.updates, ...planned].map((u) => ({
    id: u.id,
    status: u.status,
    body: u.body,
    incident_id: m.id,
    created_at: u.createdAt,
    updated_at: u.editedAt ?? u.createdAt,
    display_at: u.createdAt,
    affected_components: covered.map((c) => ({
      code: c.id,
      name: c.name,
      old_status: "operational",
      new_status: u.status === "completed" ? "operational" : "under_maintenance",
    })),
    deliver_notifications: true,
    custom_tweet: null,
    tweet_id: null,
  }));
  return {
    id: m.id,
    name: m.title,
    status: m.statuspageStatus,
    created_at: m.createdAt,
    updated_at: m.updatedAt,
    monitoring_at: null,
    resolved_at: resolvedAt,
    impact: "maintenance",
    shortlink: `${page.url}#maintenance-${m.id}`,
    started_at: m.startsAt,
    page_id: page.id,
    incident_updates: updates,
    components: covered,
    scheduled_for: m.startsAt,
    scheduled_until: m.endsAt,
  };
}

/** The page's scheduled maintenances that `filter` keeps, in Statuspage's shape. */
export function scheduledMaintenancesJson(
  page: Page,
  components: Component[],
  maintenances: readonly PageMaintenanceView[],
  filter: MaintenanceFilter,
) {
  return maintenances
    .filter((m) => wanted(m, filter))
    .map((m) => maintenanceJson(page, components, m));
}
