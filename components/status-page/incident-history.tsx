"use client";

import { Fragment, type ReactNode } from "react";
import type { IncidentView } from "@/server/domain/status-pages/page-view";
import { historyDays } from "@/server/domain/status-pages/history-days";
import { formatDate, formatTime, type Reader } from "@/server/domain/format/date-time";
import { formatDuration } from "@/server/domain/format/duration";
import { DateTime } from "@/components/ui/time-text";
import { useNow } from "@/components/ui/use-now";
import { useReader } from "@/components/ui/use-reader";
import { IncidentUpdates } from "@/components/status-page/incident-updates";
import { incidentStatusLabel } from "@/components/status-page/status-look";

/** Parts of a meta line: each stays whole, so a phone wraps between them, never inside one. */
function Meta({ parts }: { parts: ReactNode[] }) {
  return (
    <p className="mt-1.5 text-xs text-zinc-500 tabular-nums dark:text-zinc-400">
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 ? <span aria-hidden="true"> · </span> : null}
          <span className="whitespace-nowrap">{part}</span>
        </Fragment>
      ))}
    </p>
  );
}

function metaParts(i: IncidentView, now: number, reader: Reader): ReactNode[] {
  if (i.runs)
    return [
      <>
        Between {formatTime(i.runs.firstAt, reader)} and {formatTime(i.runs.lastAt, reader)}
      </>,
      "each run recovered at the next",
    ];
  const ongoing = i.resolvedAt === null;
  const lasted = (i.resolvedAt ? Date.parse(i.resolvedAt) : now) - Date.parse(i.startedAt);
  return [
    <>
      Started <DateTime at={i.startedAt} />
    </>,
    ...(i.resolvedAt
      ? [
          <>
            Resolved <DateTime at={i.resolvedAt} />
          </>,
        ]
      : []),
    <span key="lasted" suppressHydrationWarning>
      {ongoing ? "for " : "lasted "}
      {formatDuration(lasted)}
    </span>,
  ];
}

function Incident({ incident: i, now }: { incident: IncidentView; now: number }) {
  const reader = useReader();
  const ongoing = i.resolvedAt === null;
  return (
    <li
      id={`incident-${i.id}`}
      data-testid="incident"
      data-ongoing={ongoing}
      data-runs={i.runs?.count}
      className={ongoing ? "sp-card sp-row border-red-300 dark:border-red-400/40" : "sp-row"}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
        <h4 className="min-w-0 font-medium wrap-anywhere">{i.title}</h4>
        <span
          className={`text-xs font-semibold tracking-wide uppercase ${ongoing ? "sp-down" : "sp-ok"}`}
          data-testid="incident-status"
        >
          {ongoing ? (i.status ? incidentStatusLabel[i.status] : "Ongoing") : "Resolved"}
        </span>
      </div>
      {i.cause ? (
        <p className="mt-1 text-sm wrap-anywhere text-zinc-600 dark:text-zinc-400">{i.cause}</p>
      ) : null}
      <Meta parts={metaParts(i, now, reader)} />
      <IncidentUpdates incident={i} />
    </li>
  );
}

/** A day key ("2026-12-06") as the reader writes dates; noon UTC names that day in any locale. */
function dayLabel(day: string, reader: Reader): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return formatDate(Date.UTC(y, m - 1, d, 12), { locale: reader.locale, timeZone: "UTC" });
}

/**
 * The public history: ongoing incidents first, each on its own, then the past grouped by the day
 * each started in the reader's zone (UTC on the server render), newest first.
 */
export function IncidentHistory({ incidents }: { incidents: IncidentView[] }) {
  const now = useNow(10_000);
  const reader = useReader();
  const ongoing = incidents.filter((i) => i.resolvedAt === null);
  const days = historyDays(incidents, reader.timeZone);
  return (
    <section aria-labelledby="incidents-heading">
      <h2 id="incidents-heading" className="sp-h2">
        Incident history
      </h2>
      {incidents.length === 0 ? (
        <p className="sp-card sp-row text-sm text-zinc-600 dark:text-zinc-400">
          No incidents in the last 90 days.
        </p>
      ) : (
        <div className="space-y-6">
          {ongoing.length ? (
            <ol className="space-y-3" aria-label="Ongoing incidents">
              {ongoing.map((i) => (
                <Incident key={i.id} incident={i} now={now} />
              ))}
            </ol>
          ) : null}
          {days.map(({ day, incidents: entries }) => (
            <section key={day} aria-labelledby={`day-${day}`} data-testid="history-day">
              <h3
                id={`day-${day}`}
                className="mb-2 border-b border-zinc-200 pb-1.5 text-sm font-semibold text-zinc-800 dark:border-zinc-800 dark:text-zinc-200"
              >
                {dayLabel(day, reader)}
              </h3>
              <ol className="sp-list" aria-label={`Resolved incidents, ${dayLabel(day, reader)}`}>
                {entries.map((i) => (
                  <Incident key={i.id} incident={i} now={now} />
                ))}
              </ol>
            </section>
          ))}
        </div>
      )}
    </section>
  );
}
