import { sql } from "drizzle-orm";
import { monitors, type Monitor } from "@/db/schema";
import type { DbOrTx } from "@/db/client";

// A claimed check may run until its timeout plus this margin before another node may take it over.
const LEASE_MARGIN_SECS = 30;

/**
 * Claims up to `limit` monitors due at or before `now` for this node: each gets a fresh lease token
 * and its next_check_at moves past the lease, so no other node (SKIP LOCKED) takes the same round.
 */
export async function claimDueMonitors(
  db: DbOrTx,
  now: Date,
  limit: number,
  onlyId?: string,
): Promise<(Monitor & { leaseToken: string })[]> {
  const rows = await db.execute(sql`
    update ${monitors} m
    set lease_token = gen_random_uuid(),
        lease_until = ${now.toISOString()}::timestamptz + make_interval(secs => m.timeout_secs + ${LEASE_MARGIN_SECS}),
        next_check_at = ${now.toISOString()}::timestamptz + make_interval(secs => m.timeout_secs + ${LEASE_MARGIN_SECS})
    where m.id in (
      select id from ${monitors}
      where status <> 'paused' and next_check_at <= ${now.toISOString()}::timestamptz
        ${onlyId ? sql`and id = ${onlyId}` : sql``}
      order by next_check_at
      limit ${limit}
      for update skip locked
    )
    returning m.id`);
  const ids = rowsOf<{ id: string }>(rows).map((r) => r.id);
  if (ids.length === 0) return [];
  const claimed = await db.query.monitors.findMany({
    where: (m, { inArray }) => inArray(m.id, ids),
  });
  return claimed.filter((m): m is Monitor & { leaseToken: string } => m.leaseToken !== null);
}

/** postgres-js returns an array of rows, PGlite an object with `rows`. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
