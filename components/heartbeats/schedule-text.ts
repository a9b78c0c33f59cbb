import { formatInterval } from "@/components/monitors/format";

export function scheduleText(h: {
  intervalSecs: number | null;
  schedule: string | null;
  tz: string;
}): string {
  if (h.intervalSecs !== null) return `every ${formatInterval(h.intervalSecs)}`;
  return `cron ${h.schedule ?? "?"}${h.tz !== "UTC" ? ` (${h.tz})` : ""}`;
}

export function formatIn(at: Date | string | null, now: number): string {
  if (!at) return "—";
  const diff = new Date(at).getTime() - now;
  const abs = Math.abs(diff);
  const s = Math.round(abs / 1000);
  const text =
    s < 60
      ? `${s}s`
      : s < 3600
        ? `${Math.floor(s / 60)}m ${s % 60}s`
        : s < 172_800
          ? `${Math.floor(s / 3600)}h ${Math.floor((s % 3600) / 60)}m`
          : `${Math.floor(s / 86_400)}d`;
  return diff >= 0 ? `in ${text}` : `${text} ago`;
}
