import type { DbOrTx } from "@/db/client";
import { barsWithMaintenance } from "@/server/domain/maintenance/maintenance-uptime";
import { firstBarDay } from "@/server/domain/status-pages/daily-uptime";
import {
  BAR_DAYS,
  encodeDayIncidents,
  encodeDays,
  uptimeBasisPoints,
} from "@/server/domain/status-pages/page-view";
import { loadBarHistory } from "@/server/services/status-pages/bar-history";
import { loadPageMaintenance } from "@/server/services/maintenances/page-maintenance";
import { monitorUptimeRules } from "@/server/services/monitors/get-monitor-uptimes";

/** A monitor's 90 daily bars as the status page draws them (same encoding, same rule). */
export type MonitorBars = {
  firstDay: string;
  days: string;
  incidentDays: string;
  /** Seconds of maintenance per day, left out of that day's uptime. */
  maintenanceDays: string;
};

/** The 90-day bars of one monitor, its maintenance windows left out of each day's uptime. */
export async function getMonitorBars(
  db: DbOrTx,
  { workspaceId, monitorId, now }: { workspaceId: string; monitorId: string; now: Date },
): Promise<MonitorBars> {
  const firstDay = firstBarDay(now, BAR_DAYS);
  const [history, maintenance] = await Promise.all([
    loadBarHistory(db, [monitorId], { firstDay, now }),
    loadPageMaintenance(db, workspaceId, [monitorId], { firstDay, now }),
  ]);
  const { initial, changes, dayIncidents } = history.get(monitorId) ?? {
    initial: null,
    changes: [],
    dayIncidents: [],
  };
  const window = { firstDayMs: firstDay.getTime(), days: BAR_DAYS, nowMs: now.getTime() };
  const spans = maintenance.spans.get(monitorId) ?? [];
  const bars = barsWithMaintenance(initial, changes, spans, window, monitorUptimeRules);
  return {
    firstDay: firstDay.toISOString(),
    days: encodeDays(bars.days.map((d) => uptimeBasisPoints(d.uptime, d.downMs))),
    incidentDays: encodeDayIncidents(dayIncidents),
    maintenanceDays: encodeDayIncidents(bars.maintenanceDays),
  };
}
