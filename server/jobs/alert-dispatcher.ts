import type { Logger } from "pino";
import type { Clock, DbHandle } from "@/server/services/context";
import { getEventBus } from "@/server/events/bus";
import { startLanes } from "@/server/services/alerts/deliver-alerts";
import { claimDueLanes, nextLaneDueAt } from "@/server/services/alerts/lane-leases";
import type { AlertDeps, LaneOutcome } from "@/server/services/alerts/alert-types";
import { queueReminders } from "@/server/services/alerts/queue-reminders";
import { WakeTimer } from "@/server/jobs/wake-timer";

const MAX_SLEEP_MS = 60_000;
const REMINDER_SCAN_MS = 30_000;
const REFILL_DELAY_MS = 20;

/**
 * The embedded driver for alerts: one timer armed for the earliest due lane, woken at once by every
 * committed flip. Each wake-up leases as many due lanes as there are free slots and works them in
 * the background, so a receiver that hangs holds one slot for its timeout, never the others. At
 * start-up it looks at once: a flip committed before a crash is delivered after the restart.
 */
export class AlertDispatcher {
  private readonly timer: WakeTimer;
  private readonly inFlight = new Set<Promise<unknown>>();
  private unsubscribe: () => void = () => {};
  private readonly concurrency: number;
  private remindersScannedAt = 0;
  private wasFull = false;

  constructor(
    private readonly deps: {
      db: DbHandle;
      now: Clock;
      logger: Logger;
      alerts: AlertDeps;
      concurrency?: number;
    },
  ) {
    this.concurrency = deps.concurrency ?? 100;
    this.timer = new WakeTimer({
      now: deps.now,
      maxSleepMs: MAX_SLEEP_MS,
      wake: () => this.wake(),
      onError: (err) => deps.logger.error({ err }, "alert dispatcher wake-up failed"),
    });
  }

  start(): void {
    const bus = getEventBus();
    const offs = [
      bus.on("flip", () => this.timer.wakeNow()),
      // A maintenance window that ended (or was ended) may have released held alerts.
      bus.on("page-content.changed", ({ kind }) => {
        if (kind === "maintenance") this.timer.wakeNow();
      }),
    ];
    this.unsubscribe = () => offs.forEach((off) => off());
    this.timer.wakeNow();
  }

  /** Stops claiming and waits for the sends in flight (each bounded by its timeout). */
  async stop(): Promise<void> {
    this.unsubscribe();
    await this.timer.stop();
    await Promise.allSettled([...this.inFlight]);
  }

  private async wake(): Promise<void> {
    const capacity = this.concurrency - this.inFlight.size;
    if (capacity <= 0 || this.timer.isStopped) return; // a finishing send wakes us again
    const ctx = { db: this.deps.db, now: this.deps.now, alerts: this.deps.alerts };
    // Reminders are due by the clock, not by an event: look at most twice a minute.
    if (this.deps.now().getTime() - this.remindersScannedAt >= REMINDER_SCAN_MS) {
      this.remindersScannedAt = this.deps.now().getTime();
      await queueReminders({ ctx });
    }
    const leases = await claimDueLanes({ ctx, input: { limit: capacity } });
    const lanes = await startLanes({ ctx, input: { leases } });
    for (const lane of lanes) this.track(lane);
    this.wasFull = leases.length === capacity;
    if (this.wasFull) this.timer.wakeNow();
    else {
      const next = await nextLaneDueAt({ ctx });
      this.timer.armAt(next ? next.getTime() : this.deps.now().getTime() + MAX_SLEEP_MS);
    }
  }

  private track(lane: Promise<LaneOutcome>): void {
    const work: Promise<unknown> = lane
      .then((outcome) => {
        if (outcome.nextAt) this.timer.armAt(outcome.nextAt.getTime());
      })
      .catch((err: unknown) => {
        this.deps.logger.error({ err }, "alert delivery failed");
        this.timer.armAt(this.deps.now().getTime() + 5000);
      })
      .finally(() => {
        this.inFlight.delete(work);
        // A freed slot takes more work; sends finishing together share one claim.
        if (this.wasFull) this.timer.armAt(this.deps.now().getTime() + REFILL_DELAY_MS);
      });
    this.inFlight.add(work);
  }

  /** Resolves once nothing is in flight (tests and benchmarks). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0 || this.timer.running)
      await Promise.allSettled([...this.inFlight, this.timer.running]);
  }
}
