import { desc, gte, inArray, lt, and, sql } from "drizzle-orm";
import { flips, incidents } from "@/db/schema";
import type { DbOrTx } from "@/db/client";
import type { MonitorStatus } from "@/server/domain/monitors/monitor-state";
import type { TimedChange } from "@/server/domain/uptime/uptime";
import { DAY_MS } from "@/server/domain/status-pages/daily-uptime";
import { BAR_DAYS } from "@/server/domain/status-pages/page-view";
import { rowsOf } from "@/server/services/checks/claim-due-monitors";

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
export const SETTLE_MS = 10 * 60_000;

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
  const [before, coldChanges, coldDays, warmChanges, warmDays] = await Promise.all([
    cold.length ? statesBefore(db, cold, firstDay) : new Map<string, MonitorStatus>(),
    cold.length
      ? changesSince(db, cold, firstDay)
      : new Map<string, TimedChange<MonitorStatus>[]>(),
    cold.length
      ? incidentsPerDay(db, cold, firstDay, 0, now)
      : new Map<string, [number, number][]>(),
    warm.size
      ? changesSince(db, [...warm.keys()], tailFrom)
      : new Map<string, TimedChange<MonitorStatus>[]>(),
    warm.size
      ? incidentsPerDay(db, [...warm.keys()], firstDay, tailIdx, now)
      : new Map<string, [number, number][]>(),
  ]);

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

/** Each monitor's state at `at`: the last flip before it. */
async function statesBefore(
  db: DbOrTx,
  monitorIds: string[],
  at: Date,
): Promise<Map<string, MonitorStatus>> {
  const rows = await db
    .selectDistinctOn([flips.monitorId], { monitorId: flips.monitorId, to: flips.toStatus })
    .from(flips)
    .where(and(inArray(flips.monitorId, monitorIds), lt(flips.at, at)))
    .orderBy(flips.monitorId, desc(flips.at), desc(flips.seq));
  return new Map(rows.map((r) => [r.monitorId as string, r.to as MonitorStatus]));
}

/**
 * Each monitor's changes since `from`, oldest first, as one row per monitor: a busy page has
 * thousands of flips, and a row (and a Date) per flip was most of the cost of a render.
 */
async function changesSince(
  db: DbOrTx,
  monitorIds: string[],
  from: Date,
): Promise<Map<string, TimedChange<MonitorStatus>[]>> {
  const result = await db.execute(sql`
    select ${flips.monitorId} as "monitorId",
           string_agg(${flips.toStatus} || ' ' || round(date_part('epoch', ${flips.at}) * 1000)::bigint,
                      ',' order by ${flips.at}, ${flips.seq}) as changes
    from ${flips}
    where ${inArray(flips.monitorId, monitorIds)} and ${gte(flips.at, from)}
    group by 1`);
  const out = new Map<string, TimedChange<MonitorStatus>[]>();
  for (const row of rowsOf<{ monitorId: string; changes: string }>(result)) {
    const list: TimedChange<MonitorStatus>[] = [];
    for (const item of row.changes.split(",")) {
      const space = item.indexOf(" ");
      list.push({ to: item.slice(0, space) as MonitorStatus, atMs: Number(item.slice(space + 1)) });
    }
    out.set(row.monitorId, list);
  }
  return out;
}

/**
 * How many incidents touched each UTC day of the bars from day `fromIdx` on, per monitor, counted
 * in the database: sparse [day index, count] pairs in day order.
 */
async function incidentsPerDay(
  db: DbOrTx,
  monitorIds: string[],
  firstDay: Date,
  fromIdx: number,
  now: Date,
): Promise<Map<string, [number, number][]>> {
  const first = firstDay.toISOString();
  const from = new Date(firstDay.getTime() + fromIdx * DAY_MS).toISOString();
  // Day indexes in double precision over an integer series: numeric maths made this query slow.
  const result = await db.execute(sql`
    select "monitorId", string_agg(idx || ' ' || n, ',' order by idx) as days
    from (
      select i.monitor_id as "monitorId", idx, count(*)::int as n
      from ${incidents} i
      cross join lateral generate_series(
        greatest(${fromIdx}::int, floor(date_part('epoch', i.started_at - ${first}::timestamptz) / 86400)::int),
        least(${BAR_DAYS - 1}::int, floor(date_part('epoch',
          coalesce(i.resolved_at, ${now.toISOString()}::timestamptz) - interval '1 millisecond'
            - ${first}::timestamptz) / 86400)::int)) as idx
      where i.monitor_id in (${sql.join(
        monitorIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})
        and (i.resolved_at is null or i.resolved_at > ${from}::timestamptz)
      group by 1, 2
    ) per_day
    group by 1`);
  const out = new Map<string, [number, number][]>();
  for (const row of rowsOf<{ monitorId: string; days: string }>(result))
    out.set(
      row.monitorId,
      row.days.split(",").map((pair) => {
        const space = pair.indexOf(" ");
        return [Number(pair.slice(0, space)), Number(pair.slice(space + 1))];
      }),
    );
  return out;
}
