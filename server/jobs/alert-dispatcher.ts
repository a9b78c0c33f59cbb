import type { Logger } from "pino";
import type { Db } from "@/db/client";
import type { Clock } from "@/server/services/context";
import { getEventBus } from "@/server/events/bus";
import {
  claimDueLanes,
  nextLaneDueAt,
  startLanes,
  type AlertDeps,
} from "@/server/services/alerts/deliver-alerts";
import { queueReminders } from "@/server/services/alerts/queue-reminders";

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
  private timer: NodeJS.Timeout | null = null;
  private armedFor = Number.POSITIVE_INFINITY;
  private claiming = false;
  private again = false;
  private stopped = false;
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly wakes = new Set<Promise<void>>();
  private unsubscribe: () => void = () => {};
  private readonly concurrency: number;
  private remindersScannedAt = 0;
  private wasFull = false;

  constructor(
    private readonly deps: {
      db: Db;
      now: Clock;
      logger: Logger;
      alerts: AlertDeps;
      concurrency?: number;
    },
  ) {
    this.concurrency = deps.concurrency ?? 100;
  }

  start(): void {
    this.unsubscribe = getEventBus().on("flip", () => this.armAt(this.deps.now().getTime()));
    this.armAt(this.deps.now().getTime());
  }

  /** Stops claiming and waits for the sends in flight (each bounded by its timeout). */
  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe();
    if (this.timer) clearTimeout(this.timer);
    await Promise.allSettled([...this.wakes]);
    await Promise.allSettled([...this.inFlight]);
  }

  private armAt(at: number): void {
    if (this.stopped || at >= this.armedFor) return;
    if (this.timer) clearTimeout(this.timer);
    this.armedFor = at;
    const delay = Math.max(0, Math.min(at - this.deps.now().getTime(), MAX_SLEEP_MS));
    this.timer = setTimeout(() => {
      const waking: Promise<void> = this.wake().finally(() => this.wakes.delete(waking));
      this.wakes.add(waking);
    }, delay);
  }

  private async wake(): Promise<void> {
    this.timer = null;
    this.armedFor = Number.POSITIVE_INFINITY;
    if (this.claiming) {
      this.again = true;
      return;
    }
    this.claiming = true;
    try {
      const capacity = this.concurrency - this.inFlight.size;
      if (capacity <= 0 || this.stopped) return; // a finishing send wakes us again
      // Reminders are due by the clock, not by an event: look at most twice a minute.
      if (this.deps.now().getTime() - this.remindersScannedAt >= REMINDER_SCAN_MS) {
        this.remindersScannedAt = this.deps.now().getTime();
        await queueReminders(this.deps.db, this.deps.now());
      }
      const leases = await claimDueLanes(this.deps.db, this.deps.now(), capacity);
      const ctx = { db: this.deps.db, now: this.deps.now };
      const lanes = await startLanes(ctx, leases, this.deps.alerts);
      for (const lane of lanes) {
        const work: Promise<unknown> = lane
          .then((outcome) => {
            if (outcome.nextAt) this.armAt(outcome.nextAt.getTime());
          })
          .catch((err: unknown) => {
            this.deps.logger.error({ err }, "alert delivery failed");
            this.armAt(this.deps.now().getTime() + 5000);
          })
          .finally(() => {
            this.inFlight.delete(work);
            // A freed slot takes more work; sends finishing together share one claim.
            if (this.wasFull) this.armAt(this.deps.now().getTime() + REFILL_DELAY_MS);
          });
        this.inFlight.add(work);
      }
      this.wasFull = leases.length === capacity;
      if (this.wasFull) this.again = true;
      else {
        const next = await nextLaneDueAt(this.deps.db);
        this.armAt(next ? next.getTime() : this.deps.now().getTime() + MAX_SLEEP_MS);
      }
    } catch (err) {
      this.deps.logger.error({ err }, "alert dispatcher wake-up failed");
      this.armAt(this.deps.now().getTime() + 1000);
    } finally {
      this.claiming = false;
      if (this.again) {
        this.again = false;
        this.armAt(this.deps.now().getTime());
      }
    }
  }

  /** Resolves once nothing is in flight (tests and benchmarks). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0 || this.wakes.size > 0)
      await Promise.allSettled([...this.inFlight, ...this.wakes]);
  }
}
