"use client";

import clsx from "clsx";
import type { IncidentView } from "@/server/domain/status-pages/page-view";
import { spanText, utcText } from "@/components/status-page/relative-time";
import { useNow } from "@/components/ui/use-now";

/** Incidents generated from flips: ongoing ones first, then the last 90 days. */
export function IncidentHistory({ incidents }: { incidents: IncidentView[] }) {
  const now = useNow(10_000);
  return (
    <section aria-labelledby="incidents-heading">
      <h2
        id="incidents-heading"
        className="mb-3 text-sm font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400"
      >
        Incident history
      </h2>
      {incidents.length === 0 ? (
        <p className="rounded-xl border border-zinc-200 bg-white px-5 py-4 text-sm text-zinc-600 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-400">
          No incidents in the last 90 days.
        </p>
      ) : (
        <ol className="space-y-3">
          {incidents.map((i) => {
            const ongoing = i.resolvedAt === null;
            const lasted =
              (i.resolvedAt ? Date.parse(i.resolvedAt) : now) - Date.parse(i.startedAt);
            return (
              <li
                key={i.id}
                id={`incident-${i.id}`}
                data-testid="incident"
                data-ongoing={ongoing}
                className={clsx(
                  "rounded-xl border bg-white px-5 py-4 dark:bg-zinc-900",
                  ongoing
                    ? "border-red-300 dark:border-red-400/40"
                    : "border-zinc-200 dark:border-zinc-800",
                )}
              >
                <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
                  <h3 className="font-medium break-words">{i.title}</h3>
                  <span
                    className={clsx(
                      "text-xs font-semibold tracking-wide uppercase",
                      ongoing
                        ? "text-red-700 dark:text-red-400"
                        : "text-emerald-700 dark:text-emerald-400",
                    )}
                  >
                    {ongoing ? "Ongoing" : "Resolved"}
                  </span>
                </div>
                {i.cause ? (
                  <p className="mt-1 text-sm break-words text-zinc-600 dark:text-zinc-400">
                    {i.cause}
                  </p>
                ) : null}
                <p className="mt-2 text-xs text-zinc-500 tabular-nums dark:text-zinc-400">
                  Started {utcText(i.startedAt)}
                  {i.resolvedAt ? ` · Resolved ${utcText(i.resolvedAt)}` : ""} ·{" "}
                  <span suppressHydrationWarning>
                    {ongoing ? "for " : "lasted "}
                    {spanText(lasted)}
                  </span>
                </p>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
