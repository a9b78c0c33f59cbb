/**
 * A span as a person reads it, to the second: "42 s", "3 min 20 s" (seconds only under ten
 * minutes), "25 min", "2 h 5 min", "3 d", "2 d 1 h". Never more than two units.
 */
export function formatDuration(ms: number): string {
  const secs = Math.round(Math.abs(ms) / 1000);
  const d = Math.floor(secs / 86_400);
  const h = Math.floor((secs % 86_400) / 3600);
  const m = Math.floor((secs % 3600) / 60);
  const s = secs % 60;
  if (d > 0) return h > 0 ? `${d} d ${h} h` : `${d} d`;
  if (h > 0) return m > 0 ? `${h} h ${m} min` : `${h} h`;
  if (m > 0) return s > 0 && m < 10 ? `${m} min ${s} s` : `${m} min`;
  return `${s} s`;
}

/** A response time: "850 ms", "1.25 s"; "—" when there is none. */
export function formatMs(ms: number | null): string {
  if (ms === null) return "—";
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}

/** A configured interval in its round unit: "30 s", "5 min", "2 h", "90 s". */
export function formatInterval(secs: number): string {
  if (secs >= 86_400 && secs % 86_400 === 0) return `${secs / 86_400} d`;
  if (secs >= 3600 && secs % 3600 === 0) return `${secs / 3600} h`;
  if (secs >= 60 && secs % 60 === 0) return `${secs / 60} min`;
  return `${secs} s`;
}

/** "just now", "3 min ago", "in 2 h 5 min": `at` relative to `now`. */
export function formatRelative(at: Date | string | number, now: number): string {
  const diff = new Date(at).getTime() - now;
  if (Math.abs(diff) < 5000) return "just now";
  return diff < 0 ? `${formatDuration(diff)} ago` : `in ${formatDuration(diff)}`;
}
