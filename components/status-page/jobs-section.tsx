"use client";

import type { JobView } from "@/server/domain/status-pages/page-view";
import { jobLook } from "@/components/status-page/status-look";
import { RelativeTime } from "@/components/status-page/relative-time";

/** Heartbeats: what a visitor wants to know about a scheduled job — did it run, when is it next. */
export function JobsSection({ jobs }: { jobs: JobView[] }) {
  if (jobs.length === 0) return null;
  return (
    <section aria-labelledby="jobs-heading">
      <h2
        id="jobs-heading"
        className="mb-3 text-sm font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400"
      >
        Scheduled Jobs
      </h2>
      <ul className="divide-y divide-zinc-200 rounded-xl border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900">
        {jobs.map((j) => {
          const look = jobLook[j.state];
          const Icon = look.icon;
          return (
            <li key={j.id} className="px-4 py-3.5 sm:px-5" data-testid="job" data-state={j.state}>
              <div className="flex items-center justify-between gap-3">
                <h3 className="min-w-0 truncate font-medium" title={j.name}>
                  {j.name}
                </h3>
                <span
                  className={`inline-flex shrink-0 items-center gap-1.5 text-sm font-medium ${look.text}`}
                >
                  <Icon className="size-4" aria-hidden="true" />
                  <span data-testid="job-status">{look.label}</span>
                </span>
              </div>
              <dl className="mt-1 flex flex-wrap gap-x-5 gap-y-0.5 text-xs text-zinc-500 dark:text-zinc-400">
                <div className="flex gap-1">
                  <dt>{j.state === "running" ? "Started" : "Last ping"}</dt>
                  <dd className="text-zinc-700 tabular-nums dark:text-zinc-300">
                    {j.state === "running" && j.runningSince ? (
                      <RelativeTime iso={j.runningSince} />
                    ) : j.lastPingAt ? (
                      <RelativeTime iso={j.lastPingAt} />
                    ) : (
                      "never"
                    )}
                  </dd>
                </div>
                <div className="flex gap-1">
                  <dt>Next expected</dt>
                  <dd className="text-zinc-700 tabular-nums dark:text-zinc-300">
                    {j.nextExpectedAt ? <RelativeTime iso={j.nextExpectedAt} /> : "—"}
                  </dd>
                </div>
              </dl>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
