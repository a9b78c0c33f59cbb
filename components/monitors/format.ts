export function formatUptime(value: number | null): string {
  if (value === null) return "—";
  const pct = value * 100;
  return `${pct >= 99.995 ? "100" : pct.toFixed(2)}%`;
}

export function formatMs(ms: number | null): string {
  if (ms === null) return "—";
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms} ms`;
}

export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${s % 60}s`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h}h ${m % 60}m`;
  return `${Math.floor(h / 24)}d ${h % 24}h`;
}

export function formatAgo(at: Date | string | null, now = Date.now()): string {
  if (!at) return "never";
  const diff = now - new Date(at).getTime();
  if (diff < 5_000) return "just now";
  return `${formatDuration(diff)} ago`;
}

export function formatInterval(secs: number): string {
  if (secs % 3600 === 0) return `${secs / 3600} h`;
  if (secs % 60 === 0) return `${secs / 60} min`;
  return `${secs} s`;
}
