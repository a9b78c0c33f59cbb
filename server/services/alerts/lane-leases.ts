import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, isNotNull, isNull, lte, min, or, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { alertLanes } from "@/db/schema";
import type { LaneLease } from "@/server/services/alerts/alert-types";
import type { ServiceCtx } from "@/server/services/context";

/** Long enough for one bounded send; a worker that died mid-send frees its lanes after this. */
export const LANE_LEASE_MS = 60_000;

const ts = (d: Date | null) => (d ? d.toISOString() : null);

/** Leases up to `limit` lanes that are due; another worker skips them (FOR UPDATE SKIP LOCKED). */
export async function claimDueLanes({
  ctx,
  input,
}: {
  ctx: ServiceCtx & { db: Db };
  input: { limit: number };
}): Promise<LaneLease[]> {
  const { db } = ctx;
  const { limit } = input;
  const now = ctx.now();
  const token = randomUUID();
  const due = db
    .select({ id: alertLanes.id })
    .from(alertLanes)
    .where(
      and(
        lte(alertLanes.dueAt, now),
        or(isNull(alertLanes.leaseUntil), lte(alertLanes.leaseUntil, now)),
      ),
    )
    .orderBy(asc(alertLanes.dueAt))
    .limit(limit)
    .for("update", { skipLocked: true });
  const rows = await db
    .update(alertLanes)
    .set({ leaseToken: token, leaseUntil: new Date(now.getTime() + LANE_LEASE_MS) })
    .where(inArray(alertLanes.id, due))
    .returning({ id: alertLanes.id });
  return rows.map((r) => ({ id: r.id, token }));
}

/** Leases one lane if it is due and free (the Inngest driver works lane by lane). */
export async function claimLane(db: Db, laneId: string, now: Date): Promise<LaneLease | null> {
  const token = randomUUID();
  const [row] = await db
    .update(alertLanes)
    .set({ leaseToken: token, leaseUntil: new Date(now.getTime() + LANE_LEASE_MS) })
    .where(
      and(
        eq(alertLanes.id, laneId),
        lte(alertLanes.dueAt, now),
        or(isNull(alertLanes.leaseUntil), lte(alertLanes.leaseUntil, now)),
      ),
    )
    .returning({ id: alertLanes.id });
  return row ? { id: row.id, token } : null;
}

/** When the next lane falls due (a lane held by a worker: when its lease ends), or null. */
export async function nextLaneDueAt({ ctx }: { ctx: ServiceCtx }): Promise<Date | null> {
  const { db } = ctx;
  // Two index-friendly looks: free lanes by due_at, and the few leased ones.
  const [free] = await db
    .select({ at: min(alertLanes.dueAt) })
    .from(alertLanes)
    .where(and(isNotNull(alertLanes.dueAt), isNull(alertLanes.leaseUntil)));
  const [held] = await db
    .select({ at: min(sql<Date>`greatest(${alertLanes.dueAt}, ${alertLanes.leaseUntil})`) })
    .from(alertLanes)
    .where(and(isNotNull(alertLanes.dueAt), isNotNull(alertLanes.leaseUntil)));
  const times = [free?.at, held?.at].filter((t) => t != null).map((t) => new Date(t).getTime());
  return times.length > 0 ? new Date(Math.min(...times)) : null;
}

/** Frees lanes: each due at its time (or idle), if the lease is still the one given. */
export async function releaseLanes(
  tx: Tx,
  rows: readonly { lease: LaneLease; dueAt: Date | null }[],
): Promise<void> {
  if (rows.length === 0) return;
  const values = rows.map(
    (r) => sql`(${r.lease.id}::uuid, ${r.lease.token}::uuid, ${ts(r.dueAt)}::timestamptz)`,
  );
  await tx.execute(sql`
    update ${alertLanes} l set due_at = v.due_at, lease_token = null, lease_until = null
    from (values ${sql.join(values, sql`, `)}) as v(id, token, due_at)
    where l.id = v.id and l.lease_token = v.token`);
}
