import type { Heartbeat } from "@/db/schema";
import type {
  HeartbeatPolicy,
  HeartbeatSnapshot,
} from "@/server/domain/heartbeats/heartbeat-state";

export const policyOf = (h: Heartbeat): HeartbeatPolicy => ({
  intervalSecs: h.intervalSecs,
  schedule: h.schedule,
  tz: h.tz,
  graceSecs: h.graceSecs,
  maxRuntimeSecs: h.maxRuntimeSecs,
});

export const snapshotOf = (h: Heartbeat): HeartbeatSnapshot => ({
  status: h.status,
  lastSuccessAt: h.lastSuccessAt,
  deadline: h.deadline,
  runningSince: h.runningSince,
  runningRid: h.runningRid,
  consecutiveMisses: h.consecutiveMisses,
});
