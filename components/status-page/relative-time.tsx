"use client";

import { useNow } from "@/components/ui/use-now";

const UNITS: [number, string][] = [
  [86_400_000, "d"],
  [3_600_000, "h"],
  [60_000, "min"],
  [1000, "s"],
];

/** "3 min", "2 h 5 min": the largest two units of a span. */
export function spanText(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < 1000) return "0 s";
  const parts: string[] = [];
  let rest = abs;
  for (const [size, unit] of UNITS) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)} ${unit}`);
      rest %= size;
    }
    if (parts.length === 2 || (parts.length === 1 && size <= 60_000)) break;
  }
  return parts.join(" ");
}

function relativeText(iso: string, now: number): string {
  const diff = Date.parse(iso) - now;
  if (Math.abs(diff) < 5000) return "just now";
  return diff < 0 ? `${spanText(diff)} ago` : `in ${spanText(diff)}`;
}

// One formatter for every time on the page: toLocaleString with options builds a new one per call.
const UTC_TEXT = new Intl.DateTimeFormat("en-US", {
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZone: "UTC",
});

export function utcText(iso: string): string {
  return `${UTC_TEXT.format(Date.parse(iso))} UTC`;
}

/** A time that ticks in the browser ("3 min ago"), with the exact UTC time on hover. */
export function RelativeTime({ iso, className }: { iso: string; className?: string }) {
  const now = useNow(1000);
  return (
    <time dateTime={iso} title={utcText(iso)} className={className} suppressHydrationWarning>
      {relativeText(iso, now)}
    </time>
  );
}
