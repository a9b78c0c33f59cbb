import { formatDuration } from "@/server/domain/format/duration";

const DAY_MS = 86_400_000;

/**
 * What an uptime figure covers: "30 days", or for a subject younger than the window
 * "since created, 8 min", so a young monitor's figure does not pretend to speak for 30 days.
 */
export function uptimeWindowText(
  windowMs: number,
  createdAt: Date | string | number | null,
  now: number,
): string {
  const age = createdAt === null ? Infinity : now - new Date(createdAt).getTime();
  if (age < windowMs) return `since created, ${formatDuration(Math.max(0, age))}`;
  if (windowMs % DAY_MS === 0 && windowMs > DAY_MS) return `${windowMs / DAY_MS} days`;
  return windowMs === DAY_MS ? "24 hours" : formatDuration(windowMs);
}
