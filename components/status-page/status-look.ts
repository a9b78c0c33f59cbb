import type { ComponentStatus, Indicator } from "@/server/domain/status-pages/page-status";
import type { HeartbeatStatus } from "@/server/domain/heartbeats/heartbeat-state";
import type { IncidentStatus } from "@/server/domain/incidents/incident-rules";
import type { GlyphName } from "@/components/status-page/glyphs";

/** A state in words, with a shape (glyph) and a colour (tone): colour is only the third cue. */
export type Look = { label: string; glyph: GlyphName; tone: string };

export const componentLook: Record<ComponentStatus, Look> = {
  operational: { label: "Operational", glyph: "ok", tone: "sp-ok" },
  degraded_performance: { label: "Degraded performance", glyph: "warn", tone: "sp-warn" },
  partial_outage: { label: "Partial outage", glyph: "warn", tone: "sp-warn" },
  major_outage: { label: "Major outage", glyph: "down", tone: "sp-down" },
  under_maintenance: { label: "Under maintenance", glyph: "maintenance", tone: "sp-info" },
};

/** A paused subject also reads under_maintenance in the Statuspage shape; visitors see "Paused". */
export function subjectLook(status: ComponentStatus, state: string): Look {
  if (status === "under_maintenance" && state === "paused")
    return { label: "Paused", glyph: "maintenance", tone: "sp-off" };
  return componentLook[status];
}

export const incidentStatusLabel: Record<IncidentStatus, string> = {
  investigating: "Investigating",
  identified: "Identified",
  monitoring: "Monitoring",
  resolved: "Resolved",
};

/** A heartbeat in the words a visitor understands. */
export const jobLook: Record<HeartbeatStatus, Look> = {
  new: { label: "Waiting for first run", glyph: "waiting", tone: "sp-off" },
  up: { label: "On time", glyph: "ok", tone: "sp-ok" },
  running: { label: "Running", glyph: "running", tone: "sp-info" },
  late: { label: "Late", glyph: "late", tone: "sp-warn" },
  missing: { label: "Missing", glyph: "missing", tone: "sp-down" },
  failed: { label: "Failed", glyph: "down", tone: "sp-down" },
  paused: { label: "Paused", glyph: "paused", tone: "sp-off" },
};

type BannerLook = { glyph: GlyphName; className: string };

/** Planned work and nothing else: the calm blue of "Under maintenance", not the all-clear green. */
export const maintenanceBanner: BannerLook = {
  glyph: "maintenance",
  className:
    "bg-sky-700 text-white dark:bg-sky-500/15 dark:text-sky-200 dark:ring-1 dark:ring-inset dark:ring-sky-400/30",
};

export const bannerLook: Record<Indicator, BannerLook> = {
  none: {
    glyph: "ok",
    className:
      "bg-emerald-700 text-white dark:bg-emerald-500/15 dark:text-emerald-200 dark:ring-1 dark:ring-inset dark:ring-emerald-400/30",
  },
  minor: {
    glyph: "warn",
    className:
      "bg-amber-400 text-amber-950 dark:bg-amber-400/15 dark:text-amber-200 dark:ring-1 dark:ring-inset dark:ring-amber-400/30",
  },
  major: {
    glyph: "major",
    className:
      "bg-orange-700 text-white dark:bg-orange-500/15 dark:text-orange-200 dark:ring-1 dark:ring-inset dark:ring-orange-400/30",
  },
  critical: {
    glyph: "down",
    className:
      "bg-red-700 text-white dark:bg-red-500/15 dark:text-red-200 dark:ring-1 dark:ring-inset dark:ring-red-400/30",
  },
};
