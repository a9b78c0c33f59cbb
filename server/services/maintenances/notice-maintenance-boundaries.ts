import { and, gt, isNotNull, isNull, min, or } from "drizzle-orm";
import { heldAlerts, maintenances } from "@/db/schema";
import type { ServiceCtx } from "@/server/services/context";
import { getEventBus } from "@/server/events/bus";
import { nextBoundaryAfter, windowAt } from "@/server/domain/maintenance/maintenance-window";
import { latestWindows, timingOf } from "@/server/services/maintenances/maintenance-records";
import { recordWindowStart } from "@/server/services/maintenances/window-rows";
import { releaseHeldAlerts } from "@/server/services/maintenances/release-held-alerts";

/**
 * The work at maintenance window boundaries, safe on several nodes at once: a window that started
 * gets its row (once), every maintenance that started or ended a window since `since` drops its
 * pages' copies and reaches live viewers, and alerts held back by ended windows are released.
 * Returns the next moment anything happens (a timer waits for it), and how many alerts it queued.
 */
export async function noticeMaintenanceBoundaries({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { since: Date };
}): Promise<{ next: Date | null; queued: number }> {
  const now = ctx.now();
  const live = await ctx.db
    .select()
    .from(maintenances)
    .where(
      and(
        or(isNull(maintenances.cancelledAt), gt(maintenances.cancelledAt, input.since)),
        or(isNotNull(maintenances.schedule), gt(maintenances.endsAt, input.since)),
      ),
    );
  const latest = await latestWindows(
    ctx.db,
    live.map((m) => m.id),
  );
  let next: number = Number.POSITIVE_INFINITY;
  const changed: { workspaceId: string; id: string }[] = [];
  for (const m of live) {
    const timing = timingOf(m, latest.get(m.id) ?? null);
    const running = windowAt(timing, now);
    if (running && latest.get(m.id)?.startsAt.getTime() !== running.startsAt.getTime())
      await recordWindowStart(ctx.db, m, running);
    const passed = nextBoundaryAfter(timing, input.since);
    if (passed && passed <= now) changed.push(m);
    const upcoming = nextBoundaryAfter(timing, now);
    if (upcoming) next = Math.min(next, upcoming.getTime());
  }
  const queued = await releaseHeldAlerts({ ctx });
  const [held] = await ctx.db
    .select({ at: min(heldAlerts.releaseAt) })
    .from(heldAlerts)
    .where(isNull(heldAlerts.releasedAt));
  if (held?.at) next = Math.min(next, new Date(held.at).getTime());
  const bus = getEventBus();
  for (const m of changed)
    bus.emit("page-content.changed", { workspaceId: m.workspaceId, kind: "maintenance", id: m.id });
  return { next: Number.isFinite(next) ? new Date(next) : null, queued };
}
