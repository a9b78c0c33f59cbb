"use client";

import type { StatusPageView } from "@/server/domain/status-pages/page-view";
import type { PageMaintenanceView } from "@/server/domain/maintenance/page-maintenance";
import { Glyph } from "@/components/status-page/glyphs";
import { PlainText } from "@/components/status-page/plain-text";
import { DateTime } from "@/components/ui/time-text";

function subjectNames(m: PageMaintenanceView, view: StatusPageView): string[] {
  const names = new Map<string, string>();
  for (const s of view.services) names.set(s.id, s.name);
  for (const j of view.jobs) names.set(j.id, j.name);
  return m.subjectIds.flatMap((id) => names.get(id) ?? []);
}

function Window({ m, view }: { m: PageMaintenanceView; view: StatusPageView }) {
  const active = m.status === "in_progress";
  const names = subjectNames(m, view);
  return (
    <li
      className="sp-card sp-row border-sky-300 dark:border-sky-400/40"
      data-testid="maintenance"
      data-status={m.status}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
        <h3 className="min-w-0 font-medium wrap-anywhere">{m.title}</h3>
        <span className="sp-state sp-info text-xs font-semibold tracking-wide uppercase">
          <Glyph name="maintenance" />
          {active ? "Under maintenance" : "Scheduled"}
        </span>
      </div>
      <p className="mt-1 text-xs text-zinc-600 tabular-nums dark:text-zinc-400">
        <span className="whitespace-nowrap">
          {active ? "Started " : "From "}
          <DateTime at={m.startsAt} />
        </span>{" "}
        <span className="whitespace-nowrap">
          {active ? "· until " : "to "}
          <DateTime at={m.endsAt} />
        </span>
        {m.recurring ? <> · repeats</> : null}
      </p>
      {names.length ? (
        <p className="mt-1 text-xs wrap-anywhere text-zinc-600 dark:text-zinc-400">
          Affects {names.join(", ")}
        </p>
      ) : null}
      {m.updates[0] ? (
        <PlainText text={m.updates[0].body} className="mt-2 text-sm" />
      ) : m.body ? (
        <PlainText text={m.body} className="mt-2 text-sm" />
      ) : null}
    </li>
  );
}

/** Maintenance in progress and coming in the next 7 days, above the services. */
export function MaintenanceSection({ view }: { view: StatusPageView }) {
  const shown = view.maintenances.filter(
    (m) => m.status === "in_progress" || m.status === "scheduled",
  );
  if (shown.length === 0) return null;
  return (
    <section aria-labelledby="maintenance-heading">
      <h2 id="maintenance-heading" className="sp-h2">
        Maintenance
      </h2>
      <ol className="space-y-3">
        {shown.map((m) => (
          <Window key={m.id} m={m} view={view} />
        ))}
      </ol>
    </section>
  );
}
