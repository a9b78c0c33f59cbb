import type { IncidentView } from "@/server/domain/status-pages/page-view";
import { newestFirst } from "@/server/domain/status-pages/public-history";

/** One day of the public history; `day` is a calendar day "YYYY-MM-DD" in the reader's zone. */
export type HistoryDay = { day: string; incidents: IncidentView[] };

const keyFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day ("YYYY-MM-DD") a moment falls on in `timeZone`. */
function dayKey(ms: number, timeZone: string): string {
  let format = keyFormats.get(timeZone);
  if (!format) {
    // en-CA writes dates as YYYY-MM-DD.
    format = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    keyFormats.set(timeZone, format);
  }
  return format.format(ms);
}

/**
 * Resolved entries grouped by the day they started in `timeZone`, newest day first, as
 * Statuspage's history reads. Open entries are left to the caller, which shows them above.
 */
export function historyDays(incidents: readonly IncidentView[], timeZone: string): HistoryDay[] {
  const days = new Map<string, IncidentView[]>();
  for (const incident of incidents) {
    if (incident.resolvedAt === null) continue;
    const day = dayKey(Date.parse(incident.startedAt), timeZone);
    const list = days.get(day);
    if (list) list.push(incident);
    else days.set(day, [incident]);
  }
  return [...days.entries()]
    .sort(([a], [b]) => b.localeCompare(a))
    .map(([day, list]) => ({
      day,
      incidents: list.sort(newestFirst),
    }));
}
