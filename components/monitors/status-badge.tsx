import { ArrowDown, ArrowUp, CircleDashed, Pause, TriangleAlert } from "lucide-react";
import { Pill } from "@/components/ui/panel";
import { MONITOR_STATE_LABELS } from "@/server/domain/format/state-label";
import type { MonitorStatus } from "@/server/domain/monitors/monitor-state";

const LOOK: Record<MonitorStatus, { className: string; icon: typeof ArrowUp }> = {
  up: {
    className:
      "bg-emerald-50 text-emerald-800 ring-emerald-600/20 dark:bg-emerald-500/10 dark:text-emerald-300 dark:ring-emerald-400/30",
    icon: ArrowUp,
  },
  degraded: {
    className:
      "bg-amber-50 text-amber-800 ring-amber-600/20 dark:bg-amber-500/10 dark:text-amber-300 dark:ring-amber-400/30",
    icon: TriangleAlert,
  },
  down: {
    className:
      "bg-red-50 text-red-800 ring-red-600/20 dark:bg-red-500/10 dark:text-red-300 dark:ring-red-400/30",
    icon: ArrowDown,
  },
  pending: {
    className:
      "bg-zinc-100 text-zinc-700 ring-zinc-500/20 dark:bg-zinc-800 dark:text-zinc-300 dark:ring-zinc-600/40",
    icon: CircleDashed,
  },
  paused: {
    className:
      "bg-zinc-100 text-zinc-600 ring-zinc-500/20 dark:bg-zinc-800 dark:text-zinc-400 dark:ring-zinc-600/40",
    icon: Pause,
  },
};

/** Status in words and an icon, with colour as a third cue only. */
export function StatusBadge({ status }: { status: MonitorStatus }) {
  return <Pill {...LOOK[status]} label={MONITOR_STATE_LABELS[status]} status={status} />;
}
