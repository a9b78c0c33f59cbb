import { sql } from "drizzle-orm";
import { flips, incidents } from "@/db/schema";
import type { DbOrTx } from "@/db/client";
import type { MonitorStatus } from "@/server/domain/monitors/monitor-state";
import type { TimedChange } from "@/server/domain/uptime/uptime";
import { DAY_MS } from "@/server/domain/status-pages/daily-uptime";
import { BAR_DAYS } from "@/server/domain/status-pages/page-view";
import { executePrepared } from "@/db/execute-prepared";

/** What the bars and the 30-day uptime of one service are computed from. */
export type BarHistory = {
  /** The state in force at the start of `changes` (at or before the first bar's day). */
  initial: MonitorStatus | null;
  /** Changes since then, oldest first. */
  changes: TimedChange<MonitorStatus>[];
  /** Sparse [day index from the first bar's day, incidents that touched that day], in day order. */
  dayIncidents: [number, number][];
};

/**
 * A day is closed, and its flips and incident days kept in memory, once it ended this long ago.
 * Flips are written at the moment they happen, so a closed day never changes; the margin covers
 * clocks of several nodes that disagree by a little and transactions that commit late.
 */
const SETTLE_MS = 10 * 60_000;

/** A monitor's closed days: the flips before `cutoffMs` and the incident count of each day. */
type Closed = {
  fromMs: number;
  initial: MonitorStatus | null;
  cutoffMs: number;
  changes: TimedChange<MonitorStatus>[];
  /** Absolute UTC day number (ms / DAY_MS) → incidents that touched it. */
  incidentDays: Map<number, number>;
};

const MAX_MONITORS = 20_000;
let closedDays = new Map<string, Closed>();

/** Runs `read` with nothing in memory and puts the memory back after (a cold read, for tests). */
export async function withoutKeptDays<T>(read: () => Promise<T>): Promise<T> {
  const kept = closedDays;
  closedDays = new Map();
  try {
    return await read();
  } finally {
    closedDays = kept;
  }
}

/**
 * The history behind each monitor's bars, from `firstDay` to `now`. A page with 50 services and
 * 90 days holds thousands of flips, but all days before yesterday are closed: they are read once
 * per process and kept, and each render reads only the flips and incidents since the last cutoff.
 */
export async function loadBarHistory(
  db: DbOrTx,
  monitorIds: string[],
  { firstDay, now }: { firstDay: Date; now: Date },
): Promise<Map<string, BarHistory>> {
  const firstDayMs = firstDay.getTime();
  const nowMs = now.getTime();
  const cutoffMs = Math.max(firstDayMs, Math.floor((nowMs - SETTLE_MS) / DAY_MS) * DAY_MS);
  // Each warm monitor with the entry it was judged by: renders run concurrently, and another one
  // may replace or evict the entry while this one waits for its queries.
  const warm = new Map<string, Closed>();
  const cold: string[] = [];
  let tailFromMs = cutoffMs;
  for (const id of monitorIds) {
    const known = closedDays.get(id);
    if (
      known &&
      known.fromMs <= firstDayMs &&
      known.cutoffMs >= firstDayMs &&
      known.cutoffMs <= cutoffMs
    ) {
      warm.set(id, known);
      tailFromMs = Math.min(tailFromMs, known.cutoffMs);
    } else cold.push(id);
  }
  const tailFrom = new Date(tailFromMs);
  const tailIdx = Math.round((tailFromMs - firstDayMs) / DAY_MS);
  const [coldRead, warmRead] = await Promise.all([
    cold.length ? readHistory(db, cold, { from: firstDay, firstDay, fromIdx: 0, now }, true) : null,
    warm.size
      ? readHistory(
          db,
          [...warm.keys()],
          { from: tailFrom, firstDay, fromIdx: tailIdx, now },
          false,
        )
      : null,
  ]);
  const before = coldRead?.before ?? new Map<string, MonitorStatus>();
  const coldChanges = coldRead?.changes ?? new Map<string, TimedChange<MonitorStatus>[]>();
  const coldDays = coldRead?.days ?? new Map<string, [number, number][]>();
  const warmChanges = warmRead?.changes ?? new Map<string, TimedChange<MonitorStatus>[]>();
  const warmDays = warmRead?.days ?? new Map<string, [number, number][]>();

  const out = new Map<string, BarHistory>();
  const firstAbsDay = Math.round(firstDayMs / DAY_MS);
  for (const id of cold) {
    const changes = coldChanges.get(id) ?? [];
    const dayIncidents = coldDays.get(id) ?? [];
    const initial = before.get(id) ?? null;
    out.set(id, { initial, changes, dayIncidents });
    remember(id, {
      fromMs: firstDayMs,
      initial,
      cutoffMs,
      changes: changes.filter((c) => c.atMs < cutoffMs),
      incidentDays: new Map(
        dayIncidents
          .filter(([idx]) => firstDayMs + idx * DAY_MS < cutoffMs)
          .map(([idx, n]) => [firstAbsDay + idx, n]),
      ),
    });
  }
  for (const [id, known] of warm) {
    const tail = (warmChanges.get(id) ?? []).filter((c) => c.atMs >= known.cutoffMs);
    const knownIdx = Math.round((known.cutoffMs - firstDayMs) / DAY_MS);
    const tailDays = (warmDays.get(id) ?? []).filter(([idx]) => idx >= knownIdx);
    const dayIncidents: [number, number][] = [];
    for (const [absDay, n] of known.incidentDays) {
      const idx = absDay - firstAbsDay;
      if (idx >= 0 && idx < knownIdx) dayIncidents.push([idx, n]);
    }
    dayIncidents.sort((a, b) => a[0] - b[0]);
    dayIncidents.push(...tailDays);
    out.set(id, { initial: known.initial, changes: [...known.changes, ...tail], dayIncidents });
    if (known.cutoffMs < cutoffMs) {
      // Days closed since: fold them in, and let go of what fell off the first bar's day.
      let initial = known.initial;
      const changes: TimedChange<MonitorStatus>[] = [];
      for (const c of [...known.changes, ...tail]) {
        if (c.atMs < firstDayMs) initial = c.to;
        else if (c.atMs < cutoffMs) changes.push(c);
      }
      const incidentDays = new Map<number, number>();
      for (const [absDay, n] of known.incidentDays)
        if (absDay >= firstAbsDay) incidentDays.set(absDay, n);
      for (const [idx, n] of tailDays)
        if (firstDayMs + idx * DAY_MS < cutoffMs) incidentDays.set(firstAbsDay + idx, n);
      remember(id, { fromMs: firstDayMs, initial, cutoffMs, changes, incidentDays });
    }
  }
  return out;
}

function remember(id: string, closed: Closed): void {
  // A render that started earlier may finish later: never go back to an earlier cutoff.
  const current = closedDays.get(id);
  if (current && current.cutoffMs > closed.cutoffMs) return;
  closedDays.delete(id);
  if (closedDays.size >= MAX_MONITORS) {
    const oldest = closedDays.keys().next();
    if (!oldest.done) closedDays.delete(oldest.value);
  }
  closedDays.set(id, closed);
}

type HistoryRead = {
  before: Map<string, MonitorStatus>;
  changes: Map<string, TimedChange<MonitorStatus>[]>;
  days: Map<string, [number, number][]>;
};

/**
 * In one statement, for each monitor: its changes since `from`, oldest first, and how many
 * incidents touched each UTC day of the bars from day `fromIdx` on (sparse [day index, count]
 * pairs in day order), and with `withBefore` its state at the first bar's day (the last flip
 * before it). A row per monitor and kind, not per flip: a busy page has thousands of flips, and a
 * row (and a Date) per flip was most of the cost of a render. The ids go as one array parameter,
 * so the statement's text is the same for every page.
 */
async function readHistory(
  db: DbOrTx,
  monitorIds: string[],
  { from, firstDay, fromIdx, now }: { from: Date; firstDay: Date; fromIdx: number; now: Date },
  withBefore: boolean,
): Promise<HistoryRead> {
  const ids = sql`${sql.param(monitorIds)}::uuid[]`;
  const first = sql`${firstDay.toISOString()}::timestamptz`;
  const dayFrom = new Date(firstDay.getTime() + fromIdx * DAY_MS).toISOString();
  const before = withBefore
    ? sql`
    union all
    select * from (
      select distinct on (monitor_id) 's' as kind, monitor_id::text as "monitorId", to_status as v
      from ${flips}
      where monitor_id = any(${ids}) and at < ${first}
      order by monitor_id, at desc, seq desc
    ) last_before`
    : sql``;
  // Day indexes in double precision over an integer series: numeric maths made this slow.
  const rows = await executePrepared<{ kind: "s" | "c" | "d"; monitorId: string; v: string }>(
    db,
    withBefore ? "bar_history_cold" : "bar_history",
    sql`
    select 'c' as kind, monitor_id::text as "monitorId",
           string_agg(to_status || ' ' || round(date_part('epoch', at) * 1000)::bigint,
                      ',' order by at, seq) as v
    from ${flips}
    where monitor_id = any(${ids}) and at >= ${from.toISOString()}::timestamptz
    group by monitor_id
    union all
    select 'd', "monitorId", string_agg(idx || ' ' || n, ',' order by idx)
    from (
      select i.monitor_id::text as "monitorId", idx, count(*)::int as n
      from ${incidents} i
      cross join lateral generate_series(
        greatest(${fromIdx}::int, floor(date_part('epoch', i.started_at - ${first}) / 86400)::int),
        least(${BAR_DAYS - 1}::int, floor(date_part('epoch',
          coalesce(i.resolved_at, ${now.toISOString()}::timestamptz) - interval '1 millisecond'
            - ${first}) / 86400)::int)) as idx
      where i.monitor_id = any(${ids})
        and (i.resolved_at is null or i.resolved_at > ${dayFrom}::timestamptz)
      group by 1, 2
    ) per_day
    group by "monitorId"${before}`,
  );
  const out: HistoryRead = { before: new Map(), changes: new Map(), days: new Map() };
  for (const row of rows) {
    if (row.kind === "s") out.before.set(row.monitorId, row.v as MonitorStatus);
    else if (row.kind === "c") {
      const list: TimedChange<MonitorStatus>[] = [];
      for (const item of row.v.split(",")) {
        const space = item.indexOf(" ");
        list.push({
          to: item.slice(0, space) as MonitorStatus,
          atMs: Number(item.slice(space + 1)),
        });
      }
      out.changes.set(row.monitorId, list);
    } else
      out.days.set(
        row.monitorId,
        row.v.split(",").map((pair) => {
          const space = pair.indexOf(" ");
          return [Number(pair.slice(0, space)), Number(pair.slice(space + 1))];
        }),
      );
  }
  return out;
}
