"use client";

import { RelativeTime as TickingTime } from "@/components/ui/time-text";

/** A time that ticks in the browser ("3 min ago"), with the exact time in the viewer's zone on hover. */
export function RelativeTime({ iso, className }: { iso: string; className?: string }) {
  return <TickingTime at={iso} className={className} />;
}
