import { lt, sql } from "drizzle-orm";
import { checkResults, checkRollups } from "@/db/schema";
import type { ServiceCtx } from "@/server/services/context";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

async function rollUp(
  ctx: ServiceCtx,
  bucket: "hour" | "day",
  from: Date,
  to: Date,
): Promise<void> {
  await ctx.db.execute(sql`
    insert into ${checkRollups} (monitor_id, bucket, bucket_start, checks, failures, p50_ms, p95_ms)
    select monitor_id, ${bucket}, date_trunc(${sql.raw(`'${bucket}'`)}, checked_at, 'UTC'), count(*)::int,
           (count(*) filter (where status <> 'up'))::int,
           round(percentile_cont(0.5) within group (order by duration_ms))::int,
           round(percentile_cont(0.95) within group (order by duration_ms))::int
    from ${checkResults}
    where checked_at >= ${from.toISOString()}::timestamptz and checked_at < ${to.toISOString()}::timestamptz
    group by 1, 3
    on conflict (monitor_id, bucket, bucket_start) do update
      set checks = excluded.checks, failures = excluded.failures, p50_ms = excluded.p50_ms, p95_ms = excluded.p95_ms`);
}

/**
 * Hourly upkeep: rolls raw results up per hour (the last two complete hours) and per UTC day (the
 * last complete day), then deletes raw results older than the retention window. Idempotent.
 */
export async function rollUpCheckResults({
  ctx,
  retentionDays,
}: {
  ctx: ServiceCtx;
  retentionDays: number;
}): Promise<void> {
  const now = ctx.now();
  const hourStart = new Date(Math.floor(now.getTime() / HOUR) * HOUR);
  const dayStart = new Date(Math.floor(now.getTime() / DAY) * DAY);
  await rollUp(ctx, "hour", new Date(hourStart.getTime() - 2 * HOUR), hourStart);
  await rollUp(ctx, "day", new Date(dayStart.getTime() - DAY), dayStart);
  const cutoff = new Date(now.getTime() - retentionDays * DAY);
  await ctx.db.delete(checkResults).where(lt(checkResults.checkedAt, cutoff));
}
