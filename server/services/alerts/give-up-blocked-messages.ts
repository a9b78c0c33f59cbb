import { inArray, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { rowsOf } from "@/db/rows-of";
import { alertDeliveries, alertLanes, alertMessages, type AlertMessage } from "@/db/schema";
import type { LaneLease, LaneOutcome } from "@/server/services/alerts/alert-types";

export type Blocked = { lease: LaneLease; message: AlertMessage; reason: string };

/**
 * A disabled (or unconfirmed) channel sends nothing more: its open messages are given up and the
 * lanes freed (due at once if flips wait, which are then logged as not sent either).
 */
export async function giveUpBlockedMessages(
  tx: Tx,
  blocked: readonly Blocked[],
  now: Date,
): Promise<LaneOutcome[]> {
  if (blocked.length === 0) return [];
  for (const reason of new Set(blocked.map((d) => d.reason)))
    await tx
      .update(alertMessages)
      .set({ status: "failed", lastError: reason, nextAttemptAt: null })
      .where(
        inArray(
          alertMessages.id,
          blocked.filter((d) => d.reason === reason).map((d) => d.message.id),
        ),
      );
  const freed = rowsOf<{ id: string; due_at: Date | string | null }>(
    await tx.execute(sql`
      update ${alertLanes} l set lease_token = null, lease_until = null,
        due_at = case when exists (select 1 from ${alertDeliveries} d
          where d.lane_id = l.id and d.message_id is null) then ${now.toISOString()}::timestamptz end
      where l.id in (${sql.join(
        blocked.map((d) => sql`${d.lease.id}::uuid`),
        sql`, `,
      )})
      returning l.id, l.due_at`),
  );
  return freed.map((f) => ({
    sent: "failed",
    nextAt: f.due_at === null ? null : new Date(f.due_at),
  }));
}
