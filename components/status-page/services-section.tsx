"use client";

import type { StatusPageView } from "@/server/domain/status-pages/page-view";
import { componentLook } from "@/components/status-page/status-look";
import { Glyph } from "@/components/status-page/glyphs";
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
      <h2 id="services-heading" className="sp-h2">
        Services
      </h2>
      <ul className="sp-list">
        {view.services.map((s) => {
          const look = componentLook[s.status];
          return (
            <li key={s.id} className="sp-row" data-testid="service" data-status={s.status}>
              <div className="sp-head">
                <h3 className="sp-name" title={s.name}>
                  {s.name}
                </h3>
                <span className={`sp-state ${look.tone}`}>
                  <Glyph name={look.glyph} />
                  <span data-testid="service-status">{look.label}</span>
                </span>
              </div>
              <UptimeBar
                name={s.name}
                firstDay={view.firstDay}
                days={s.days}
                incidentDays={s.incidentDays}
              />
              <div className="sp-meta sp-axis">
                <span className="tabular-nums" data-testid="uptime-30d">
                  {`${uptimeText(s.uptime30d)} uptime (30 days)`}
                </span>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
