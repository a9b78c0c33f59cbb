import { sql } from "drizzle-orm";
import { monitors } from "@/db/schema";
import type { ServiceCtx } from "@/server/services/context";
import { rowsOf } from "@/db/rows-of";

export type PlannedCheck = {
  monitorId: string;
  workspaceId: string;
  leaseToken: string;
  dueAt: Date;
};

const LEASE_MARGIN_SECS = 30;

/**
 * For the Inngest driver: claims every monitor due before `now + windowSecs` and returns one planned
 * check per due time in the window (a 10 s monitor gets six a minute). next_check_at moves to the
 * first due time after the window, so overlapping planners never plan one due time twice; a live
 * lease keeps its token, so a late event from the previous window still records.
 */
export async function planDueChecks({
  ctx,
  input = {},
}: {
  ctx: ServiceCtx;
  input?: { windowSecs?: number; limit?: number };
}): Promise<PlannedCheck[]> {
  const { windowSecs = 60, limit = 50_000 } = input;
  const now = ctx.now();
  const nowIso = now.toISOString();
  const endIso = new Date(now.getTime() + windowSecs * 1000).toISOString();
  const rows = rowsOf<{
    id: string;
    workspace_id: string;
    lease_token: string;
    first_due: Date | string;
    interval_secs: number;
  }>(
    await ctx.db.execute(sql`
      with due as (
        select id, greatest(next_check_at, ${nowIso}::timestamptz) as first_due
        from ${monitors}
        where status <> 'paused' and next_check_at < ${endIso}::timestamptz
        order by next_check_at
        limit ${limit}
        for update skip locked
      )
      update ${monitors} m
      set lease_token = case when m.lease_until > ${nowIso}::timestamptz and m.lease_token is not null then m.lease_token else gen_random_uuid() end,
          lease_until = ${endIso}::timestamptz + make_interval(secs => m.timeout_secs + ${LEASE_MARGIN_SECS}),
          next_check_at = due.first_due + make_interval(secs => m.interval_secs *
            ceil(extract(epoch from (${endIso}::timestamptz - due.first_due)) / m.interval_secs))
      from due
      where m.id = due.id
      returning m.id, m.workspace_id, m.lease_token, due.first_due, m.interval_secs`),
  );
  const end = now.getTime() + windowSecs * 1000;
  const planned: PlannedCheck[] = [];
  for (const row of rows) {
    for (let t = new Date(row.first_due).getTime(); t < end; t += row.interval_secs * 1000) {
      planned.push({
        monitorId: row.id,
        workspaceId: row.workspace_id,
        leaseToken: row.lease_token,
        dueAt: new Date(t),
      });
    }
  }
  return planned;
}
