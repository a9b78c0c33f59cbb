"use client";

import { formatDuration } from "@/server/domain/format/duration";
import { formatDateTime } from "@/server/domain/format/date-time";
import { RelativeTime as TickingTime } from "@/components/ui/time-text";

/** "3 min", "2 h 5 min": a span as the whole product writes it. */
export const spanText = (ms: number): string => formatDuration(ms);

/** A moment in UTC with the zone named, as a static page renders it before the browser is known. */
export const utcText = (iso: string): string => formatDateTime(iso);

/** A time that ticks in the browser ("3 min ago"), with the exact time in the viewer's zone on hover. */
export function RelativeTime({ iso, className }: { iso: string; className?: string }) {
  return <TickingTime at={iso} className={className} />;
}
