import { rowsOf } from "@/db/rows-of";
import { sql, type SQL } from "drizzle-orm";
import { monitors, workspaces, type Monitor } from "@/db/schema";
import type { DbOrTx } from "@/db/client";
import type { ServiceCtx } from "@/server/services/context";

// A claimed check may run until its timeout plus this margin before another node may take it over.
const LEASE_MARGIN_SECS = 30;

export type ClaimedMonitor = Monitor & {
  leaseToken: string;
  dueAt: Date;
  /** The monitor's workspace was granted private targets (matters under the `owner` policy). */
  privateTargetsGranted: boolean;
};

/** How many checks each workspace has in flight on this node, and how many it may have. */
export type FairShare = {
  perWorkspace: number;
  inFlight: ReadonlyMap<string, number>;
  /** Checks beyond their workspace's share are claimed only while this claim stays within it. */
  spare: number;
};

/**
 * Claims up to `limit` monitors due at or before `now` for this node: each gets a fresh lease token
 * and its next_check_at moves past the lease, so no other node (SKIP LOCKED) takes the same round.
 */
export async function claimDueMonitors(
  db: DbOrTx,
  now: Date,
  limit: number,
  onlyId?: string,
): Promise<ClaimedMonitor[]> {
  const nowIso = now.toISOString();
  return lease(
    db,
    now,
    sql`
      select id, next_check_at from ${monitors}
      where status <> 'paused' and next_check_at <= ${nowIso}::timestamptz
        ${onlyId ? sql`and id = ${onlyId}` : sql``}
      order by next_check_at
      limit ${limit}
      for update skip locked`,
  );
}

/**
 * Like claimDueMonitors, but each workspace first gets at most its share of slots (earliest due
 * first), so a workspace with a backlog of slow checks never takes the slots another one needs;
 * only then do up to `share.spare` more go to whatever is due earliest.
 */
export async function claimDueMonitorsFairly({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { limit: number; share: FairShare };
}): Promise<ClaimedMonitor[]> {
  const { limit, share } = input;
  const now = ctx.now();
  const nowIso = now.toISOString();
  const busy = JSON.stringify(Object.fromEntries(share.inFlight));
  return lease(
    ctx.db,
    now,
    sql`
      with busy as (
        select key::uuid as workspace_id, value::int as n from jsonb_each_text(${busy}::jsonb)
      ),
      ranked as (
        select m.id, m.next_check_at,
          row_number() over (partition by m.workspace_id order by m.next_check_at)
            + coalesce(b.n, 0) > ${share.perWorkspace} as beyond_share
        from ${monitors} m left join busy b on b.workspace_id = m.workspace_id
        where m.status <> 'paused' and m.next_check_at <= ${nowIso}::timestamptz
      ),
      candidates as (
        (select id, next_check_at, false as extra from ranked where not beyond_share
          order by next_check_at limit ${limit})
        union all
        (select id, next_check_at, true as extra from ranked where beyond_share
          order by next_check_at limit ${limit})
      ),
      numbered as (
        select id, extra, row_number() over (order by extra, next_check_at) as k from candidates
      ),
      picked as (
        select id from numbered where k <= case when extra then ${share.spare}::int else ${limit}::int end
      )
      select id, next_check_at from ${monitors}
      where id in (select id from picked)
        and status <> 'paused' and next_check_at <= ${nowIso}::timestamptz
      for update skip locked`,
  );
}

async function lease(db: DbOrTx, now: Date, due: SQL): Promise<ClaimedMonitor[]> {
  const nowIso = now.toISOString();
  const rows = await db.execute(sql`
    with due as (${due})
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
