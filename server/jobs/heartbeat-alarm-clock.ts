import type { Logger } from "pino";
import type { Clock, DbHandle } from "@/server/services/context";
import { getEventBus } from "@/server/events/bus";
import { nextAlarmAt, sweepDeadlines } from "@/server/services/heartbeats/sweep-deadlines";
import { WakeTimer } from "@/server/jobs/wake-timer";

const MAX_SLEEP_MS = 60_000;

/**
 * The embedded driver for heartbeat deadlines: one timer armed for the earliest alarm, re-armed by
 * pings and edits. An alarm already past at start-up (Vigil was stopped) fires at once.
 */
export class HeartbeatAlarmClock {
  private readonly timer: WakeTimer;
  private unsubscribe: () => void = () => {};

  constructor(private readonly deps: { db: DbHandle; now: Clock; logger: Logger }) {
    this.timer = new WakeTimer({
      now: deps.now,
      maxSleepMs: MAX_SLEEP_MS,
      wake: () => this.sweep(),
      onError: (err) => deps.logger.error({ err }, "heartbeat sweep failed"),
    });
  }

  start(): void {
    this.unsubscribe = getEventBus().on("heartbeat.changed", ({ alarmAt }) => {
      if (alarmAt) this.timer.armAt(alarmAt.getTime());
    });
    this.timer.wakeNow();
  }

  async stop(): Promise<void> {
    this.unsubscribe();
    await this.timer.stop();
  }

  private async sweep(): Promise<void> {
    // Drain what is due; the bound only guards against an alarm that never moves on.
    for (let round = 0; round < 100 && !this.timer.isStopped; round++) {
      if ((await sweepDeadlines({ ctx: { db: this.deps.db, now: this.deps.now } })) === 0) break;
    }
    if (this.timer.isStopped) return;
    const next = await nextAlarmAt({ ctx: { db: this.deps.db, now: this.deps.now } });
    this.timer.armAt(next ? next.getTime() : this.deps.now().getTime() + MAX_SLEEP_MS);
  }
}
