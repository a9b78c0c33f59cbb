import {
  AlarmClock,
  CircleCheck,
  CircleDashed,
  CircleX,
  Loader,
  OctagonAlert,
  Pause,
  SearchX,
  TriangleAlert,
  Wrench,
  type LucideIcon,
} from "lucide-react";
import type { ComponentStatus, Indicator } from "@/server/domain/status-pages/page-status";
import type { HeartbeatStatus } from "@/server/domain/heartbeats/heartbeat-state";

export type Look = { label: string; icon: LucideIcon; text: string; dot: string };

const GREEN = { text: "text-emerald-700 dark:text-emerald-400", dot: "bg-emerald-500" };
const AMBER = { text: "text-amber-700 dark:text-amber-400", dot: "bg-amber-500" };
const RED = { text: "text-red-700 dark:text-red-400", dot: "bg-red-500" };
const GREY = { text: "text-zinc-600 dark:text-zinc-400", dot: "bg-zinc-400" };
const BLUE = { text: "text-sky-700 dark:text-sky-400", dot: "bg-sky-500" };

export const componentLook: Record<ComponentStatus, Look> = {
  operational: { label: "Operational", icon: CircleCheck, ...GREEN },
  degraded_performance: { label: "Degraded performance", icon: TriangleAlert, ...AMBER },
  partial_outage: { label: "Partial outage", icon: TriangleAlert, ...AMBER },
  major_outage: { label: "Major outage", icon: CircleX, ...RED },
  under_maintenance: { label: "Paused", icon: Wrench, ...GREY },
};

/** A heartbeat in the words a visitor understands. */
export const jobLook: Record<HeartbeatStatus, Look> = {
  new: { label: "Waiting for first run", icon: CircleDashed, ...GREY },
  up: { label: "On time", icon: CircleCheck, ...GREEN },
  running: { label: "Running", icon: Loader, ...BLUE },
  late: { label: "Late", icon: AlarmClock, ...AMBER },
  missing: { label: "Missing", icon: SearchX, ...RED },
  failed: { label: "Failed", icon: CircleX, ...RED },
  paused: { label: "Paused", icon: Pause, ...GREY },
};

export const bannerLook: Record<Indicator, { icon: LucideIcon; className: string }> = {
  none: {
    icon: CircleCheck,
    className:
      "bg-emerald-600 text-white dark:bg-emerald-500/15 dark:text-emerald-200 dark:ring-1 dark:ring-inset dark:ring-emerald-400/30",
  },
  minor: {
    icon: TriangleAlert,
    className:
      "bg-amber-400 text-amber-950 dark:bg-amber-400/15 dark:text-amber-200 dark:ring-1 dark:ring-inset dark:ring-amber-400/30",
  },
  major: {
    icon: OctagonAlert,
    className:
      "bg-orange-600 text-white dark:bg-orange-500/15 dark:text-orange-200 dark:ring-1 dark:ring-inset dark:ring-orange-400/30",
  },
  critical: {
    icon: CircleX,
    className:
      "bg-red-600 text-white dark:bg-red-500/15 dark:text-red-200 dark:ring-1 dark:ring-inset dark:ring-red-400/30",
  },
};
