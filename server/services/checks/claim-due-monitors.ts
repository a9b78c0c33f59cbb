import { rowsOf } from "@/db/rows-of";
import { sql } from "drizzle-orm";
import { monitors, workspaces, type Monitor } from "@/db/schema";
import type { DbOrTx } from "@/db/client";

// A claimed check may run until its timeout plus this margin before another node may take it over.
const LEASE_MARGIN_SECS = 30;

/**
 * Claims up to `limit` monitors due at or before `now` for this node: each gets a fresh lease token
 * and its next_check_at moves past the lease, so no other node (SKIP LOCKED) takes the same round.
 */
export type ClaimedMonitor = Monitor & {
  leaseToken: string;
  dueAt: Date;
  /** The monitor's workspace was granted private targets (matters under the `owner` policy). */
  privateTargetsGranted: boolean;
};

export async function claimDueMonitors(
  db: DbOrTx,
  now: Date,
  limit: number,
  onlyId?: string,
): Promise<ClaimedMonitor[]> {
  const nowIso = now.toISOString();
  const rows = await db.execute(sql`
    with due as (
      select id, next_check_at from ${monitors}
      where status <> 'paused' and next_check_at <= ${nowIso}::timestamptz
        ${onlyId ? sql`and id = ${onlyId}` : sql``}
      order by next_check_at
      limit ${limit}
      for update skip locked
    )
    update ${monitors} m
    set lease_token = gen_random_uuid(),
        lease_until = ${nowIso}::timestamptz + make_interval(secs => m.timeout_secs + ${LEASE_MARGIN_SECS}),
        next_check_at = ${nowIso}::timestamptz + make_interval(secs => m.timeout_secs + ${LEASE_MARGIN_SECS})
    from due
    where m.id = due.id
    returning m.id, due.next_check_at as due_at,
      (select w.allow_private_targets from ${workspaces} w where w.id = m.workspace_id) as granted`);
  const claims = rowsOf<{ id: string; due_at: Date | string; granted: boolean | null }>(rows);
  const dueAt = new Map(claims.map((r) => [r.id, new Date(r.due_at)]));
  const granted = new Set(claims.filter((r) => r.granted === true).map((r) => r.id));
  if (dueAt.size === 0) return [];
  const claimed = await db.query.monitors.findMany({
    where: (m, { inArray }) => inArray(m.id, [...dueAt.keys()]),
  });
  return claimed.flatMap((m) =>
    m.leaseToken
      ? [
          {
            ...m,
            leaseToken: m.leaseToken,
            dueAt: dueAt.get(m.id) ?? now,
            privateTargetsGranted: granted.has(m.id),
          },
        ]
      : [],
  );
}
