"use client";

import type { IncidentView } from "@/server/domain/status-pages/page-view";
import { incidentStatusLabel } from "@/components/status-page/status-look";
import { PlainText } from "@/components/status-page/plain-text";
import { DateTime } from "@/components/ui/time-text";

/** What people wrote on an incident, newest first, then the postmortem once resolved. */
export function IncidentUpdates({ incident }: { incident: IncidentView }) {
  const updates = incident.updates ?? [];
  if (updates.length === 0 && !incident.postmortem) return null;
  return (
    <div className="mt-3 space-y-3">
      {incident.postmortem ? (
        <div
          data-testid="postmortem"
          className="border-l-2 border-zinc-300 pl-3 dark:border-zinc-700"
        >
          <p className="text-xs font-semibold tracking-wide uppercase">Postmortem</p>
          <PlainText text={incident.postmortem} className="mt-1 text-sm" />
        </div>
      ) : null}
      {updates.length ? (
        <ol className="space-y-3" aria-label="Updates, newest first">
          {updates.map((u) => (
            <li
              key={u.id}
              data-testid="incident-update"
              data-status={u.status}
              className="border-l-2 border-zinc-200 pl-3 dark:border-zinc-800"
            >
              <p className="text-xs text-zinc-600 dark:text-zinc-400">
                <strong className="font-semibold text-zinc-900 dark:text-zinc-100">
                  {incidentStatusLabel[u.status]}
                </strong>{" "}
                <span className="whitespace-nowrap">
                  · <DateTime at={u.createdAt} />
                </span>
                {u.editedAt ? (
                  <>
                    {" "}
                    · <span className="whitespace-nowrap">edited</span>
                  </>
                ) : null}
              </p>
              <PlainText text={u.body} className="mt-1 text-sm" />
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  );
}
