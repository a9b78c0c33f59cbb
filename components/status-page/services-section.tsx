"use client";

import type { StatusPageView } from "@/server/domain/status-pages/page-view";
import { componentLook } from "@/components/status-page/status-look";
import { UptimeBar } from "@/components/status-page/uptime-bar";

const uptimeText = (u: number | null) => {
  if (u === null) return "—";
  const pct = Math.floor(u * 10_000) / 100;
  return `${u < 1 && pct >= 100 ? "99.99" : pct.toFixed(2).replace(/\.00$/, "")}%`;
};

/** Uptime monitors: status in words, 30-day uptime, and daily bars (90 days; 30 on a phone). */
export function ServicesSection({ view }: { view: StatusPageView }) {
  if (view.services.length === 0) return null;
  return (
    <section aria-labelledby="services-heading">
      <h2
        id="services-heading"
        className="mb-3 text-sm font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400"
      >
        Services
      </h2>
      <ul className="divide-y divide-zinc-200 rounded-xl border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900">
        {view.services.map((s) => {
          const look = componentLook[s.status];
          const Icon = look.icon;
          return (
            <li
              key={s.id}
              className="px-4 py-4 sm:px-5"
              data-testid="service"
              data-status={s.status}
            >
              <div className="flex items-center justify-between gap-3">
                <h3 className="min-w-0 truncate font-medium" title={s.name}>
                  {s.name}
                </h3>
                <span
                  className={`inline-flex shrink-0 items-center gap-1.5 text-sm font-medium ${look.text}`}
                >
                  <Icon className="size-4" aria-hidden="true" />
                  <span data-testid="service-status">{look.label}</span>
                </span>
              </div>
              <UptimeBar
                name={s.name}
                firstDay={view.firstDay}
                days={s.days}
                dayIncidents={s.dayIncidents}
                show={90}
                className="mt-3 hidden sm:block"
              />
              <UptimeBar
                name={s.name}
                firstDay={view.firstDay}
                days={s.days}
                dayIncidents={s.dayIncidents}
                show={30}
                className="mt-3 sm:hidden"
              />
              <div className="mt-1.5 flex items-center justify-between gap-2 text-xs text-zinc-500 dark:text-zinc-400">
                <span>
                  <span className="hidden sm:inline">90 days ago</span>
                  <span className="sm:hidden">30 days ago</span>
                </span>
                <span className="tabular-nums" data-testid="uptime-30d">
                  {uptimeText(s.uptime30d)} uptime (30 days)
                </span>
                <span>Today</span>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
