import type { Logger } from "pino";
import type { Db } from "@/db/client";
import type { Clock } from "@/server/services/context";
import { getEventBus } from "@/server/events/bus";
import { nextAlarmAt, sweepDeadlines } from "@/server/services/heartbeats/sweep-deadlines";

const MAX_SLEEP_MS = 60_000;

/**
 * The embedded driver for heartbeat deadlines: one timer armed for the earliest alarm, re-armed by
 * pings and edits. An alarm already past at start-up (Vigil was stopped) fires at once.
 */
export class HeartbeatAlarmClock {
  private timer: NodeJS.Timeout | null = null;
  private armedFor = Number.POSITIVE_INFINITY;
  private sweeping: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private unsubscribe: () => void = () => {};

  constructor(private readonly deps: { db: Db; now: Clock; logger: Logger }) {}

  start(): void {
    this.unsubscribe = getEventBus().on("heartbeat.changed", ({ alarmAt }) => {
      if (alarmAt) this.armAt(alarmAt.getTime());
    });
    this.armAt(this.deps.now().getTime());
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe();
    if (this.timer) clearTimeout(this.timer);
    await this.sweeping;
  }

  private armAt(at: number): void {
    if (this.stopped || at >= this.armedFor) return;
    if (this.timer) clearTimeout(this.timer);
    this.armedFor = at;
    this.timer = setTimeout(
      () => this.wake(),
      Math.max(0, Math.min(at - this.deps.now().getTime(), MAX_SLEEP_MS)),
    );
  }

  private wake(): void {
    this.timer = null;
    this.armedFor = Number.POSITIVE_INFINITY;
    if (this.sweeping) {
      this.again = true;
      return;
    }
    this.sweeping = this.sweep().finally(() => {
      this.sweeping = null;
      if (this.again && !this.stopped) {
        this.again = false;
        this.armAt(this.deps.now().getTime());
      }
    });
  }

  private async sweep(): Promise<void> {
    try {
      // Drain what is due; the bound only guards against an alarm that never moves on.
      for (let round = 0; round < 100 && !this.stopped; round++) {
        if ((await sweepDeadlines(this.deps.db, this.deps.now())) === 0) break;
      }
      if (this.stopped) return;
      const next = await nextAlarmAt(this.deps.db);
      this.armAt(next ? next.getTime() : this.deps.now().getTime() + MAX_SLEEP_MS);
    } catch (err) {
      this.deps.logger.error({ err }, "heartbeat sweep failed");
      this.armAt(this.deps.now().getTime() + 1000);
    }
  }
}
