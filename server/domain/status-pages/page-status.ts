import type { MonitorStatus } from "@/server/domain/monitors/monitor-state";
import type { HeartbeatStatus } from "@/server/domain/heartbeats/heartbeat-state";

/** Atlassian Statuspage component statuses, so aggregators can read Vigil pages. */
export type ComponentStatus =
  "operational" | "degraded_performance" | "partial_outage" | "major_outage" | "under_maintenance";

export type Indicator = "none" | "minor" | "major" | "critical";

/** A monitor's component status; null while it has no result yet (left off the page). */
export function monitorComponentStatus(status: MonitorStatus): ComponentStatus | null {
  switch (status) {
    case "up":
      return "operational";
    case "degraded":
      return "degraded_performance";
    case "down":
      return "major_outage";
    case "paused":
      return "under_maintenance";
    case "pending":
      return null;
  }
}

export function heartbeatComponentStatus(status: HeartbeatStatus): ComponentStatus {
  switch (status) {
    case "new":
    case "up":
    case "running":
      return "operational";
    case "late":
      return "degraded_performance";
    case "missing":
    case "failed":
      return "major_outage";
    case "paused":
      return "under_maintenance";
  }
}

const isOutage = (s: ComponentStatus) => s === "major_outage" || s === "partial_outage";

/**
 * The page's overall status: all operational → none; only degraded → minor; some in outage →
 * major; at least half of the shown subjects in outage → critical. Paused subjects count as shown
 * but neither degraded nor out.
 */
export function overallStatus(statuses: readonly ComponentStatus[]): {
  indicator: Indicator;
  description: string;
} {
  const outages = statuses.filter(isOutage).length;
  if (outages > 0 && outages * 2 >= statuses.length)
    return { indicator: "critical", description: "Major outage" };
  if (outages > 0) return { indicator: "major", description: "Partial outage" };
  if (statuses.some((s) => s === "degraded_performance"))
    return { indicator: "minor", description: "Degraded performance" };
  return { indicator: "none", description: "All systems operational" };
}

/**
 * The page's overall status from its subjects: as overallStatus, but a page whose only news is
 * planned work says so ("Maintenance in progress"), not "All systems operational". The Statuspage
 * indicator stays "none" (its documented values); paused subjects are not maintenance.
 */
export function pageOverall(subjects: readonly { status: ComponentStatus; state: string }[]): {
  indicator: Indicator;
  description: string;
} {
  const overall = overallStatus(subjects.map((s) => s.status));
  if (overall.indicator === "none" && subjects.some(inMaintenanceWindow))
    return { indicator: "none", description: MAINTENANCE_IN_PROGRESS };
  return overall;
}

export const MAINTENANCE_IN_PROGRESS = "Maintenance in progress";

const inMaintenanceWindow = (s: { status: ComponentStatus; state: string }) =>
  s.status === "under_maintenance" && s.state !== "paused";
