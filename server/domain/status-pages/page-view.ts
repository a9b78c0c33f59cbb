import type { MonitorStatus } from "@/server/domain/monitors/monitor-state";
import type { HeartbeatStatus } from "@/server/domain/heartbeats/heartbeat-state";
import type { ComponentStatus, Indicator } from "@/server/domain/status-pages/page-status";
import type { PageMaintenanceView } from "@/server/domain/maintenance/page-maintenance";
import type { WrittenUpdate } from "@/server/domain/incidents/written-update";
import type {
  IncidentImpact,
  IncidentStatus,
  SubjectImpact,
} from "@/server/domain/incidents/incident-rules";

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
  /** Page-wide notices people posted, newest first. */
  announcements: AnnouncementView[];
  /** Maintenance in progress, upcoming within 7 days, and recently completed (for the JSON). */
  maintenances: PageMaintenanceView[];
};

export type AnnouncementView = {
  id: string;
  body: string;
  createdAt: string;
  expiresAt: string | null;
};

/** What a person wrote on an incident. */
export type UpdateView = WrittenUpdate<string>;

export type ServiceView = {
  id: string;
  name: string;
  status: ComponentStatus;
  state: MonitorStatus;
  since: string;
  /** When the monitor was made: a young one's uptime says "since created, 8 min", not "30 days". */
  createdAt: string;
  uptime30d: number | null;
  /** Per day (oldest first), encoded by encodeDays: the page carries fifty of these. */
  days: string;
  /**
   * encodeDayIncidents() of the days incidents touched. One string: React serialises each small
   * array of the page's props on its own, and fifty services of pairs cost milliseconds a render.
   * Not named `dayIncidents`: a page left open from an older version reads that as pairs.
   */
  incidentDays: string;
  /** encodeDayIncidents() of [day index, seconds of maintenance] (left out of the day's uptime). */
  maintenanceDays: string;
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

/** One entry of the public history: an incident, or a job's failed runs of one day folded. */
export type IncidentView = {
  id: string;
  subjectKind: "monitor" | "heartbeat";
  subjectId: string;
  title: string;
  /** A visitor's sentence, capitalised; never the check's own detail. */
  cause: string | null;
  startedAt: string;
  resolvedAt: string | null;
  /** Set when several failed runs of a job (each recovered at its next run) are folded into one. */
  runs?: FoldedRuns;
  /** The status people last gave it; absent on folded runs. */
  status?: IncidentStatus;
  impact?: IncidentImpact;
  /** Opened by a person: `subjects` lists what it affects on this page (subjectId is the first). */
  manual?: boolean;
  subjects?: { kind: "monitor" | "heartbeat"; id: string; impact: SubjectImpact }[];
  /** What people wrote, newest first. */
  updates?: UpdateView[];
  postmortem?: string | null;
};

type FoldedRuns = {
  count: number;
  /** When the first and the last of the folded runs failed. */
  firstAt: string;
  lastAt: string;
};

/** Uptime as hundredths of a percent, rounded down so that any downtime never reads 100%. */
export function uptimeBasisPoints(uptime: number | null, downMs: number): number | null {
  if (uptime === null) return null;
  const bp = Math.floor(uptime * 10_000);
  return downMs > 0 ? Math.min(bp, 9_999) : bp;
}

/**
 * Daily uptimes as a short string: "+" a full day up, "." no data, otherwise "~" and the hundredths
 * of a percent in base 36 (three characters). A quiet 90 days is 90 characters, not 540.
 */
export function encodeDays(days: readonly (number | null)[]): string {
  return days
    .map((d) => (d === null ? "." : d >= 10_000 ? "+" : `~${d.toString(36).padStart(3, "0")}`))
    .join("");
}

export function decodeDays(encoded: string): (number | null)[] {
  const out: (number | null)[] = [];
  for (let i = 0; i < encoded.length; i++) {
    const c = encoded[i];
    if (c === ".") out.push(null);
    else if (c === "+") out.push(10_000);
    else {
      out.push(parseInt(encoded.slice(i + 1, i + 4), 36));
      i += 3;
    }
  }
  return out;
}

/** Sparse [day index, incidents that touched that day] pairs as "index:count" separated by commas. */
export function encodeDayIncidents(pairs: readonly (readonly [number, number])[]): string {
  return pairs.map(([day, n]) => `${day}:${n}`).join(",");
}

export function decodeDayIncidents(encoded: string): [number, number][] {
  if (encoded === "") return [];
  return encoded.split(",").map((pair) => {
    const colon = pair.indexOf(":");
    return [Number(pair.slice(0, colon)), Number(pair.slice(colon + 1))];
  });
}
