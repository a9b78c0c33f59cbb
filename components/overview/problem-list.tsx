import clsx from "clsx";
import { ChevronRight } from "lucide-react";
import Link from "next/link";
import { DateTime, RelativeTime } from "@/components/ui/time-text";
import { SubjectBadge } from "@/components/overview/subject-badge";
import { subjectHref } from "@/components/overview/subject-link";
import type { Overview } from "@/server/services/overview/get-overview";

/** Every subject that is down, missing, failed, late or degraded, with since when. */
export function ProblemList({ problems }: { problems: Overview["problems"] }) {
  return (
    <section aria-labelledby="problems" className="mt-8">
      <h2 id="problems" className="text-sm font-semibold text-red-700 dark:text-red-400">
        Wrong right now · {problems.length}
      </h2>
      <ul className="mt-3 space-y-2">
        {problems.map((p) => (
          <li key={`${p.kind}:${p.id}`}>
            <Link
              href={subjectHref(p.kind, p.id)}
              className={clsx(
                "flex min-h-11 items-center gap-3 rounded-xl border border-l-4 bg-white px-4 py-3 transition-colors hover:bg-zinc-50 dark:bg-zinc-900 dark:hover:bg-zinc-800/60",
                p.severity === "outage"
                  ? "border-zinc-200 border-l-red-500 dark:border-zinc-800 dark:border-l-red-500"
                  : "border-zinc-200 border-l-amber-500 dark:border-zinc-800 dark:border-l-amber-400",
              )}
              data-testid="problem"
              data-kind={p.kind}
              data-state={p.state}
            >
              <div className="min-w-0 flex-1">
                <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
                  <SubjectBadge tile={p} />
                  <span className="min-w-0 font-medium [overflow-wrap:anywhere]">{p.name}</span>
                </div>
                <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
                  Since <DateTime at={p.since} /> (<RelativeTime at={p.since} />)
                  {p.kind === "monitor" && p.lastError ? (
                    <span className="block truncate" title={p.lastError}>
                      {p.lastError}
                    </span>
                  ) : null}
                </p>
              </div>
              <ChevronRight className="size-4 shrink-0 text-zinc-400" aria-hidden="true" />
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Incidents not yet resolved, newest first. */
export function OpenIncidents({ incidents }: { incidents: Overview["openIncidents"] }) {
  if (incidents.length === 0) return null;
  return (
    <section aria-labelledby="open-incidents" className="mt-8">
      <h2 id="open-incidents" className="text-sm font-semibold text-zinc-500 dark:text-zinc-400">
        Open incidents · {incidents.length}
      </h2>
      <ul className="mt-3 divide-y divide-zinc-200 rounded-xl border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900">
        {incidents.map((i) => {
          const title = i.title ?? `${i.subjectName ?? "A subject"} is down`;
          const body = (
            <>
              <span className="block font-medium [overflow-wrap:anywhere]">{title}</span>
              <span className="mt-0.5 block text-xs text-zinc-600 [overflow-wrap:anywhere] dark:text-zinc-400">
                Started <RelativeTime at={i.startedAt} />
                {i.cause ? <> · {i.cause}</> : null}
              </span>
            </>
          );
          return (
            <li key={i.id} data-testid="open-incident">
              {i.subjectKind && i.subjectId ? (
                <Link
                  href={subjectHref(i.subjectKind, i.subjectId)}
                  className="block min-h-11 px-4 py-3 text-sm hover:bg-zinc-50 dark:hover:bg-zinc-800/60"
                >
                  {body}
                </Link>
              ) : (
                <div className="px-4 py-3 text-sm">{body}</div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
