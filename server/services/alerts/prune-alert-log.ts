import { inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { alertDeliveries, alertMessages, flips } from "@/db/schema";
import { rowsOf } from "@/db/rows-of";
import { MIN_ALERT_LOG_DAYS } from "@/server/domain/alerts/alert-policy";

/**
 * Deletes finished alert messages (delivered or failed) older than `days` (at least
 * MIN_ALERT_LOG_DAYS), with their outbox rows, in batches. Kept whatever their age: a message still
 * sending or retrying, and one about a subject's latest flip, whose outbox rows tell reminders of
 * an ongoing outage which ones went out. An outbox row pointing at no message reads as unsent.
 */
export async function pruneAlertLog(
  db: DbOrTx,
  now: Date,
  days: number,
  batch = 1_000,
): Promise<number> {
  const cutoff = new Date(now.getTime() - Math.max(days, MIN_ALERT_LOG_DAYS) * 86_400_000);
  let pruned = 0;
  for (;;) {
    const ids = await db.transaction(async (tx) => {
      const old = rowsOf<{ id: string }>(
        await tx.execute(sql`
          select m.id from ${alertMessages} m
          where m.status in ('delivered', 'failed') and m.created_at < ${cutoff.toISOString()}::timestamptz
            and not exists (
              select 1 from ${alertDeliveries} d join ${flips} f on f.id = d.flip_id
              where d.message_id = m.id and not exists (
                select 1 from ${flips} later where later.seq > f.seq
                  and (later.monitor_id = f.monitor_id or later.heartbeat_id = f.heartbeat_id)))
          order by m.created_at limit ${batch}
          for update of m skip locked`),
      ).map((r) => r.id);
      if (old.length === 0) return old;
      await tx.delete(alertDeliveries).where(inArray(alertDeliveries.messageId, old));
      await tx.delete(alertMessages).where(inArray(alertMessages.id, old));
      return old;
    });
    pruned += ids.length;
    if (ids.length < batch) return pruned;
  }
}
