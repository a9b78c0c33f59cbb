import { sql } from "drizzle-orm";
import type { ServiceCtx } from "@/server/services/context";
import {
  alertDeliveries,
  alertLanes,
  channels,
  flips,
  heartbeats,
  heldAlerts,
  maintenanceSubjects,
  maintenanceWindows,
  monitors,
  subjectChannels,
} from "@/db/schema";
import { rowsOf } from "@/db/rows-of";

/**
 * Queues the reminder that is due for every subject still in an outage with a reminder interval:
 * reminder n of the flip that started the outage, once per (flip, channel, n) by the outbox's
 * unique key, so several nodes or a late wake-up never send one twice and a long stop sends one
 * reminder, not a backlog. Nothing is reminded inside a maintenance window of the subject.
 * Returns how many were queued.
 */
export async function queueReminders({ ctx }: { ctx: ServiceCtx }): Promise<number> {
  const at = ctx.now().toISOString();
  let queued = 0;
  for (const [kind, table, outage, subjectColumn] of [
    ["monitor", monitors, sql`('down')`, flips.monitorId],
    ["heartbeat", heartbeats, sql`('missing', 'failed')`, flips.heartbeatId],
  ] as const) {
    const result = await ctx.db.execute(sql`
      with due as (
        select s.id as subject_id, s.workspace_id, f.id as flip_id,
          floor(extract(epoch from (${at}::timestamptz - coalesce(h.released_at, f.at)))
            / (s.reminder_hours * 3600))::int as n
        from ${table} s
        join lateral (
          select ${flips.id} as id, ${flips.at} as at from ${flips}
          where ${subjectColumn} = s.id order by ${flips.seq} desc limit 1
        ) f on true
        left join ${heldAlerts} h on h.flip_id = f.id
        where s.reminder_hours is not null and s.status in ${outage} and s.alert_on_down
          -- Held back by a maintenance window: no reminder until it went out, counted from then.
          and (h.flip_id is null or h.released_at is not null)
          and not exists (select 1 from ${maintenanceWindows} w
            join ${maintenanceSubjects} ms on ms.maintenance_id = w.maintenance_id
            where coalesce(ms.monitor_id, ms.heartbeat_id) = s.id
              and w.starts_at <= ${at}::timestamptz and w.ends_at > ${at}::timestamptz)
      ), targets as (
        select due.*, ${subjectChannels.channelId} as channel_id from due
        join ${subjectChannels} on ${subjectChannels.subjectId} = due.subject_id
        join ${channels} on ${channels.id} = ${subjectChannels.channelId} and ${channels.enabled}
        where due.n >= 1
          and not exists (select 1 from ${alertDeliveries} d
            where d.flip_id = due.flip_id and d.channel_id = ${subjectChannels.channelId} and d.reminder = due.n)
      ), lanes as (
        insert into ${alertLanes} as l (workspace_id, channel_id, subject_kind, subject_id, monitor_id, heartbeat_id, due_at)
        select workspace_id, channel_id, ${kind}, subject_id,
          ${kind === "monitor" ? sql`subject_id` : sql`null::uuid`},
          ${kind === "heartbeat" ? sql`subject_id` : sql`null::uuid`}, ${at}::timestamptz
        from targets
        on conflict (subject_id, channel_id) do update set due_at = least(l.due_at, excluded.due_at)
        returning id, channel_id, subject_id
      )
      insert into ${alertDeliveries} (workspace_id, flip_id, channel_id, lane_id, reminder, created_at)
      select t.workspace_id, t.flip_id, t.channel_id, lanes.id, t.n, ${at}::timestamptz
      from targets t join lanes on lanes.channel_id = t.channel_id and lanes.subject_id = t.subject_id
      on conflict do nothing
      returning id`);
    queued += rowsOf(result).length;
  }
  return queued;
}
