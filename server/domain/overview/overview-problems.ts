import type { MonitorStatus } from "@/server/domain/monitors/monitor-state";
import type { HeartbeatStatus } from "@/server/domain/heartbeats/heartbeat-state";

/** `outage`: down, missing or failed; `warning`: degraded or late. */
export type ProblemSeverity = "outage" | "warning";

const MONITOR: Partial<Record<MonitorStatus, ProblemSeverity>> = {
  down: "outage",
  degraded: "warning",
};
const HEARTBEAT: Partial<Record<HeartbeatStatus, ProblemSeverity>> = {
  missing: "outage",
  failed: "outage",
  late: "warning",
};

/** How wrong a subject in this state is, or null when nothing is wrong with it. */
export function problemSeverity(
  subject:
    { kind: "monitor"; state: MonitorStatus } | { kind: "heartbeat"; state: HeartbeatStatus },
): ProblemSeverity | null {
  const found = subject.kind === "monitor" ? MONITOR[subject.state] : HEARTBEAT[subject.state];
  return found ?? null;
}

/** Outages before warnings; inside each, the one that has been wrong the longest first. */
export function compareProblems(
  a: { severity: ProblemSeverity | null; since: Date },
  b: { severity: ProblemSeverity | null; since: Date },
): number {
  const rank = (s: ProblemSeverity | null) => (s === "outage" ? 0 : s === "warning" ? 1 : 2);
  return rank(a.severity) - rank(b.severity) || a.since.getTime() - b.since.getTime();
}

/** Events per minute over a window, to one decimal. */
export function perMinute(count: number, windowMins: number): number {
  return windowMins > 0 ? Math.round((count / windowMins) * 10) / 10 : 0;
}

const counted = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;

/** "All 12 monitors and 3 heartbeats are fine", said when nothing is wrong. */
export function allFineSentence(counts: {
  monitors: number;
  heartbeats: number;
  paused: number;
}): string {
  const parts = [
    counts.monitors > 0 ? counted(counts.monitors, "monitor") : null,
    counts.heartbeats > 0 ? counted(counts.heartbeats, "heartbeat") : null,
  ].filter((p): p is string => p !== null);
  const onlyOnes = [counts.monitors, counts.heartbeats].every((n) => n <= 1);
  const sentence = onlyOnes
    ? `Your ${parts.map((p) => p.replace(/^1 /, "")).join(" and ")} ${parts.length > 1 ? "are" : "is"} fine`
    : `All ${parts.join(" and ")} are fine`;
  return counts.paused > 0 ? `${sentence} (${counts.paused} paused)` : sentence;
}
