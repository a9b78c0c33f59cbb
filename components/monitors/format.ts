import { formatDuration, formatRelative } from "@/server/domain/format/duration";

export { formatDuration, formatInterval, formatMs } from "@/server/domain/format/duration";
export { formatUptime } from "@/server/domain/format/percent";

/** "3 min ago", or "never" for a time that has not happened. */
export function formatAgo(at: Date | string | null, now = Date.now()): string {
  return at ? formatRelative(at, now) : "never";
}

/** "1 h maintenance, not counted": the maintenance time an uptime figure leaves out, if any. */
export const maintenanceText = (ms: number): string | undefined =>
  ms > 0 ? `${formatDuration(ms)} maintenance, not counted` : undefined;
