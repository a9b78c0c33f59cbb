"use client";

import type { JobView } from "@/server/domain/status-pages/page-view";
import { componentLook, jobLook } from "@/components/status-page/status-look";
import { Glyph } from "@/components/status-page/glyphs";
import { RelativeTime } from "@/components/status-page/relative-time";

/** Heartbeats: what a visitor wants to know about a scheduled job — did it run, when is it next. */
export function JobsSection({ jobs }: { jobs: JobView[] }) {
  if (jobs.length === 0) return null;
  return (
    <section aria-labelledby="jobs-heading">
      <h2 id="jobs-heading" className="sp-h2">
        Scheduled Jobs
      </h2>
      <ul className="sp-list">
        {jobs.map((j) => {
          const look =
            j.status === "under_maintenance" && j.state !== "paused"
              ? componentLook.under_maintenance
              : jobLook[j.state];
          const started = j.state === "running" && j.runningSince;
          const last = started ? j.runningSince : j.lastPingAt;
          return (
            <li key={j.id} className="sp-row" data-testid="job" data-state={j.state}>
              <div className="sp-head">
                <h3 className="sp-name" title={j.name}>
                  {j.name}
                </h3>
                <span className={`sp-state ${look.tone}`}>
                  <Glyph name={look.glyph} />
                  <span data-testid="job-status">{look.label}</span>
                </span>
              </div>
              <p className="sp-meta justify-start gap-x-5">
                <span>
                  {started ? "Started " : "Last ping "}
                  {last ? <RelativeTime iso={last} /> : "never"}
                </span>
                <span>
                  Next expected {j.nextExpectedAt ? <RelativeTime iso={j.nextExpectedAt} /> : "—"}
                </span>
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
