import type { MonitorStatus } from "@/server/domain/monitors/monitor-state";
import type { HeartbeatStatus } from "@/server/domain/heartbeats/heartbeat-state";
import type { ComponentStatus, Indicator } from "@/server/domain/status-pages/page-status";

/** How many days the uptime bars cover. */
export const BAR_DAYS = 90;

/** A status page as a visitor sees it; plain JSON so the page, the live client and view.json share it. */
export type StatusPageView = {
  page: {
    id: string;
    slug: string;
    title: string;
    description: string;
    url: string;
    visibility: "public" | "private";
    updatedAt: string;
  };
  generatedAt: string;
  overall: { indicator: Indicator; description: string };
  /** Midnight UTC of the first bar's day; bar i is that day + i. */
  firstDay: string;
  services: ServiceView[];
  jobs: JobView[];
  incidents: IncidentView[];
};

export type ServiceView = {
  id: string;
  name: string;
  status: ComponentStatus;
  state: MonitorStatus;
  since: string;
  uptime30d: number | null;
  /** Per day: uptime in hundredths of a percent (0–10000, never 10000 with any downtime), or null. */
  days: (number | null)[];
  /** Sparse [day index, incidents that touched that day]. */
  dayIncidents: [number, number][];
};

export type JobView = {
  id: string;
  name: string;
  status: ComponentStatus;
  state: HeartbeatStatus;
  lastPingAt: string | null;
  nextExpectedAt: string | null;
  runningSince: string | null;
};

export type IncidentView = {
  id: string;
  subjectKind: "monitor" | "heartbeat";
  subjectId: string;
  title: string;
  cause: string | null;
  startedAt: string;
  resolvedAt: string | null;
};

/** Uptime as hundredths of a percent, rounded down so that any downtime never reads 100%. */
export function uptimeBasisPoints(uptime: number | null, downMs: number): number | null {
  if (uptime === null) return null;
  const bp = Math.floor(uptime * 10_000);
  return downMs > 0 ? Math.min(bp, 9_999) : bp;
}
