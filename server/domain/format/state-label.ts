import type { MonitorStatus } from "@/server/domain/monitors/monitor-state";
import type { HeartbeatStatus } from "@/server/domain/heartbeats/heartbeat-state";

/** A monitor's state as the dashboard's badges name it. */
export const MONITOR_STATE_LABELS: Record<MonitorStatus, string> = {
  pending: "Pending",
  up: "Up",
  degraded: "Degraded",
  down: "Down",
  paused: "Paused",
};

/** A heartbeat's state as the dashboard's badges name it. */
export const HEARTBEAT_STATE_LABELS: Record<HeartbeatStatus, string> = {
  new: "Waiting for first ping",
  up: "Up",
  running: "Running",
  late: "Late",
  missing: "Missing",
  failed: "Failed",
  paused: "Paused",
};

export type SubjectState =
  { kind: "monitor"; state: MonitorStatus } | { kind: "heartbeat"; state: HeartbeatStatus };

/** The badge word for a subject's state: "Down", "Missing", "Waiting for first ping". */
export function stateLabel(subject: SubjectState): string {
  return subject.kind === "monitor"
    ? MONITOR_STATE_LABELS[subject.state]
    : HEARTBEAT_STATE_LABELS[subject.state];
}
