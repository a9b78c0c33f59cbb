import { AlarmClock, Check, CircleDashed, Loader, Pause, SearchX, X } from "lucide-react";
import { Pill } from "@/components/ui/panel";
import { HEARTBEAT_STATE_LABELS } from "@/server/domain/format/state-label";
import type { HeartbeatStatus } from "@/server/domain/heartbeats/heartbeat-state";

const LOOK: Record<HeartbeatStatus, { className: string; icon: typeof Check }> = {
  new: {
    className:
      "bg-zinc-100 text-zinc-700 ring-zinc-500/20 dark:bg-zinc-800 dark:text-zinc-300 dark:ring-zinc-600/40",
    icon: CircleDashed,
  },
  up: {
    className:
      "bg-emerald-50 text-emerald-800 ring-emerald-600/20 dark:bg-emerald-500/10 dark:text-emerald-300 dark:ring-emerald-400/30",
    icon: Check,
  },
  running: {
    className:
      "bg-sky-50 text-sky-800 ring-sky-600/20 dark:bg-sky-500/10 dark:text-sky-300 dark:ring-sky-400/30",
    icon: Loader,
  },
  late: {
    className:
      "bg-amber-50 text-amber-800 ring-amber-600/20 dark:bg-amber-500/10 dark:text-amber-300 dark:ring-amber-400/30",
    icon: AlarmClock,
  },
  missing: {
    className:
      "bg-red-50 text-red-800 ring-red-600/20 dark:bg-red-500/10 dark:text-red-300 dark:ring-red-400/30",
    icon: SearchX,
  },
  failed: {
    className:
      "bg-red-50 text-red-800 ring-red-600/20 dark:bg-red-500/10 dark:text-red-300 dark:ring-red-400/30",
    icon: X,
  },
  paused: {
    className:
      "bg-zinc-100 text-zinc-600 ring-zinc-500/20 dark:bg-zinc-800 dark:text-zinc-400 dark:ring-zinc-600/40",
    icon: Pause,
  },
};

/** Heartbeat state in words and an icon; colour is only the third cue. */
export function HeartbeatBadge({ status }: { status: HeartbeatStatus }) {
  return <Pill {...LOOK[status]} label={HEARTBEAT_STATE_LABELS[status]} status={status} />;
}
