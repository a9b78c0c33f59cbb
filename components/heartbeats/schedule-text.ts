import { formatInterval } from "@/components/monitors/format";
import { formatRelative } from "@/server/domain/format/duration";

export function scheduleText(h: {
  intervalSecs: number | null;
  schedule: string | null;
  tz: string;
}): string {
  if (h.intervalSecs !== null) return `every ${formatInterval(h.intervalSecs)}`;
  return `cron ${h.schedule ?? "?"}${h.tz !== "UTC" ? ` (${h.tz})` : ""}`;
}

export function formatIn(at: Date | string | null, now: number): string {
  return at ? formatRelative(at, now) : "—";
}
