"use client";

import type { IncidentView } from "@/server/domain/status-pages/page-view";
import { spanText, utcText } from "@/components/status-page/relative-time";
import { useNow } from "@/components/ui/use-now";

function Incident({ incident: i, now }: { incident: IncidentView; now: number }) {
  const ongoing = i.resolvedAt === null;
  const lasted = (i.resolvedAt ? Date.parse(i.resolvedAt) : now) - Date.parse(i.startedAt);
  return (
    <li
      id={`incident-${i.id}`}
      data-testid="incident"
      data-ongoing={ongoing}
      className={ongoing ? "sp-card sp-row border-red-300 dark:border-red-400/40" : "sp-row"}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
        <h3 className="font-medium break-words">{i.title}</h3>
        <span
          className={`text-xs font-semibold tracking-wide uppercase ${ongoing ? "sp-down" : "sp-ok"}`}
        >
          {ongoing ? "Ongoing" : "Resolved"}
        </span>
      </div>
      {i.cause ? (
        <p className="mt-1 text-sm break-words text-zinc-600 dark:text-zinc-400">{i.cause}</p>
      ) : null}
      <p className="sp-meta justify-start tabular-nums">
        Started {utcText(i.startedAt)}
        {i.resolvedAt ? ` · Resolved ${utcText(i.resolvedAt)}` : ""}
        <span suppressHydrationWarning>
          {" · "}
          {ongoing ? "for " : "lasted "}
          {spanText(lasted)}
        </span>
      </p>
    </li>
  );
}

/** Incidents generated from flips: ongoing ones first, each on its own, then the recent past. */
export function IncidentHistory({ incidents }: { incidents: IncidentView[] }) {
  const now = useNow(10_000);
  const ongoing = incidents.filter((i) => i.resolvedAt === null);
  const past = incidents.filter((i) => i.resolvedAt !== null);
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
        <div className="space-y-3">
          {ongoing.length ? (
            <ol className="space-y-3" aria-label="Ongoing incidents">
              {ongoing.map((i) => (
                <Incident key={i.id} incident={i} now={now} />
              ))}
            </ol>
          ) : null}
          {past.length ? (
            <ol className="sp-list" aria-label="Resolved incidents">
              {past.map((i) => (
                <Incident key={i.id} incident={i} now={now} />
              ))}
            </ol>
          ) : null}
        </div>
      )}
    </section>
  );
}
