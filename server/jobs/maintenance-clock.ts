import type { Logger } from "pino";
import type { Clock, DbHandle } from "@/server/services/context";
import { getEventBus } from "@/server/events/bus";
import { noticeMaintenanceBoundaries } from "@/server/services/maintenances/notice-maintenance-boundaries";
import { WakeTimer } from "@/server/jobs/wake-timer";

const MAX_SLEEP_MS = 60_000;

/**
 * The embedded driver for maintenance windows: one timer armed for the next window start or end
 * (or held alert release), re-armed whenever a maintenance changes. At each boundary its pages
 * drop their copies and live viewers refetch, and alerts held back by an ended window go out.
 */
export class MaintenanceClock {
  private readonly timer: WakeTimer;
  private unsubscribe: () => void = () => {};
  private since: Date;

  constructor(private readonly deps: { db: DbHandle; now: Clock; logger: Logger }) {
    // Boundaries shortly before a start (a restart) still reach the pages.
    this.since = new Date(deps.now().getTime() - MAX_SLEEP_MS);
    this.timer = new WakeTimer({
      now: deps.now,
      maxSleepMs: MAX_SLEEP_MS,
      wake: () => this.wake(),
      onError: (err) => deps.logger.error({ err }, "maintenance window wake-up failed"),
    });
  }

  start(): void {
    this.unsubscribe = getEventBus().on("page-content.changed", ({ kind }) => {
      if (kind === "maintenance") this.timer.wakeNow();
    });
    this.timer.wakeNow();
  }

  async stop(): Promise<void> {
    this.unsubscribe();
    await this.timer.stop();
  }

  private async wake(): Promise<void> {
    const now = this.deps.now();
    const { next } = await noticeMaintenanceBoundaries({
      ctx: { db: this.deps.db, now: () => now },
      input: { since: this.since },
    });
    this.since = now;
    if (this.timer.isStopped) return;
    this.timer.armAt(next ? next.getTime() : now.getTime() + MAX_SLEEP_MS);
  }
}
