"use client";

import type { StatusPageView } from "@/server/domain/status-pages/page-view";
import { subjectLook } from "@/components/status-page/status-look";
import { Glyph } from "@/components/status-page/glyphs";
import { UptimeBar } from "@/components/status-page/uptime-bar";
import { useNow } from "@/components/ui/use-now";
import { useReader } from "@/components/ui/use-reader";
import { formatUptime } from "@/server/domain/format/percent";
import { uptimeWindowText } from "@/server/domain/format/uptime-window";

const MONTH_MS = 30 * 86_400_000;

/** "99.95% uptime (30 days)", or "(since created, 8 min)" for a young service; ticks by the minute. */
function UptimeLine({ uptime, createdAt }: { uptime: number | null; createdAt: string }) {
  const { locale } = useReader();
  const now = useNow(60_000);
  return (
    <span className="tabular-nums" data-testid="uptime-30d" suppressHydrationWarning>
      {`${formatUptime(uptime, locale)} uptime (${uptimeWindowText(MONTH_MS, createdAt, now)})`}
    </span>
  );
}

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
          const look = subjectLook(s.status, s.state);
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
                maintenanceDays={s.maintenanceDays}
              />
              <div className="sp-meta sp-axis">
                <UptimeLine uptime={s.uptime30d} createdAt={s.createdAt} />
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
