import { and, inArray, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { alertDeliveries, alertMessages } from "@/db/schema";
import { rowsOf } from "@/db/rows-of";

const BATCH = 5_000;

/**
 * Deletes finished alert messages (delivered or failed) older than `days`, with their outbox
 * rows, in batches. A message still sending or retrying stays. The outbox rows must go with it:
 * one pointing at no message reads as not yet sent. `days` is at least 14, twice the longest
 * reminder interval, so the outbox row of an outage's current reminder is never old enough.
 */
export async function pruneAlertLog(db: DbOrTx, now: Date, days: number): Promise<number> {
  const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
  let pruned = 0;
  for (;;) {
    const ids = await db.transaction(async (tx) => {
      const old = rowsOf<{ id: string }>(
        await tx.execute(sql`
          select id from ${alertMessages}
          where status in ('delivered', 'failed') and created_at < ${cutoff}::timestamptz
          order by created_at limit ${BATCH}
          for update skip locked`),
      ).map((r) => r.id);
      if (old.length === 0) return old;
      await tx.delete(alertDeliveries).where(inArray(alertDeliveries.messageId, old));
      await tx
        .delete(alertMessages)
        .where(and(inArray(alertMessages.id, old), lt(alertMessages.createdAt, new Date(cutoff))));
      return old;
    });
    pruned += ids.length;
    if (ids.length < BATCH) return pruned;
  }
}
