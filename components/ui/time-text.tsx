"use client";

import { formatRelative } from "@/server/domain/format/duration";
import { formatDate, formatDateTime } from "@/server/domain/format/date-time";
import { useNow } from "@/components/ui/use-now";
import { useReader } from "@/components/ui/use-reader";

type At = Date | string | number;
const iso = (at: At) => new Date(at).toISOString();

/** An absolute time in the viewer's zone and locale, with the seconds on hover. */
export function DateTime({
  at,
  dateOnly,
  className,
}: {
  at: At;
  dateOnly?: boolean;
  className?: string;
}) {
  const reader = useReader();
  return (
    <time
      dateTime={iso(at)}
      title={formatDateTime(at, reader, { seconds: true })}
      className={className}
    >
      {dateOnly ? formatDate(at, reader) : formatDateTime(at, reader)}
    </time>
  );
}

/** "3 min ago", ticking, with the absolute time in the viewer's zone on hover. */
export function RelativeTime({ at, className }: { at: At; className?: string }) {
  const reader = useReader();
  const now = useNow(1000);
  return (
    <time
      dateTime={iso(at)}
      title={formatDateTime(at, reader, { seconds: true })}
      className={className}
      // The server and the browser read different clocks; the text is re-rendered every second.
      suppressHydrationWarning
    >
      {formatRelative(at, now)}
    </time>
  );
}
