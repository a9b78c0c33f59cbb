import type { Logger } from "pino";
import type { Clock, DbHandle } from "@/server/services/context";
import { getEventBus } from "@/server/events/bus";
import {
  claimDueMonitorsFairly,
  type ClaimedMonitor,
} from "@/server/services/checks/claim-due-monitors";
import { checkLeasedMonitor, type CheckRunOptions } from "@/server/services/checks/run-due-checks";
import { nextDueAt } from "@/server/services/checks/next-due-at";
import { runUpkeep } from "@/server/services/upkeep/run-upkeep";
import { WakeTimer } from "@/server/jobs/wake-timer";

// Not a poll: a safety wake-up in case a change on another path never reached this process.
const MAX_SLEEP_MS = 60_000;
const UPKEEP_EVERY_MS = 3_600_000;

/**
 * The embedded driver: one timer armed for the earliest due check, re-armed when a monitor changes.
 * Each wake-up claims as many due monitors as there are free check slots and starts them; a slow
 * target holds one slot, never the round. Queries are "due at or before now", so a late or missed
 * wake-up is caught by the next one.
 *
 * Fairness: each workspace may always have `perWorkspace` checks in flight; beyond that it takes
 * slots only as long as half of them stay free, so one workspace's hanging targets leave that half
 * to everyone else, and a lone workspace may still use the other half.
 */
export class EmbeddedScheduler {
  private readonly timer: WakeTimer;
  private upkeepTimer: NodeJS.Timeout | null = null;
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly inFlightByWorkspace = new Map<string, number>();
  private unsubscribe: () => void = () => {};
  private readonly concurrency: number;
  private readonly perWorkspace: number;
  private readonly reserve: number;
  /** How late each check started against its due time (a bounded sample), for benchmarks and metrics. */
  readonly stats = { started: 0, latenessMs: [] as number[] };

  constructor(
    private readonly deps: {
      db: DbHandle;
      now: Clock;
      logger: Logger;
      options: CheckRunOptions;
      retentionDays?: number;
      alertLogRetentionDays?: number;
      concurrency?: number;
      perWorkspace?: number;
      /** Called as each check starts, for benchmarks and metrics. */
      onCheckStarted?: (monitor: ClaimedMonitor, latenessMs: number) => void;
    },
  ) {
    this.concurrency = deps.concurrency ?? 200;
    this.perWorkspace = Math.min(deps.perWorkspace ?? 10, this.concurrency);
    this.reserve = Math.floor(this.concurrency / 2);
    this.timer = new WakeTimer({
      now: deps.now,
      maxSleepMs: MAX_SLEEP_MS,
      wake: () => this.wake(),
      onError: (err) => deps.logger.error({ err }, "scheduler wake-up failed"),
    });
  }

  start(): void {
    this.unsubscribe = getEventBus().on("monitor.changed", ({ nextCheckAt }) => {
      if (nextCheckAt) this.timer.armAt(nextCheckAt.getTime());
    });
    this.timer.wakeNow();
    const upkeep = () =>
      void runUpkeep({
        ctx: { db: this.deps.db, now: this.deps.now },
        input: {
          retentionDays: this.deps.retentionDays ?? 30,
          alertLogRetentionDays: this.deps.alertLogRetentionDays ?? 90,
        },
      }).catch((err: unknown) => this.deps.logger.error({ err }, "check result upkeep failed"));
    // Once soon after start (a stopped Vigil leaves roll-ups behind), then hourly.
    this.upkeepTimer = setInterval(upkeep, UPKEEP_EVERY_MS);
    setTimeout(upkeep, 60_000).unref();
    this.upkeepTimer.unref();
  }

  /** Stops claiming new work and waits for the checks in flight. */
  async stop(): Promise<void> {
    this.unsubscribe();
    if (this.upkeepTimer) clearInterval(this.upkeepTimer);
    // A wake-up caught mid-claim still starts the checks it leased; wait for it, then for them.
    await this.timer.stop();
    await Promise.allSettled([...this.inFlight]);
  }

  get checksInFlight(): number {
    return this.inFlight.size;
  }

  private startCheck(monitor: ClaimedMonitor, startedAt: number): void {
    const ctx = { db: this.deps.db, now: this.deps.now };
    const workspaceId = monitor.workspaceId;
    const latenessMs = startedAt - monitor.dueAt.getTime();
    this.stats.started++;
    if (this.stats.latenessMs.length < 200_000) this.stats.latenessMs.push(latenessMs);
    this.deps.onCheckStarted?.(monitor, latenessMs);
    this.inFlightByWorkspace.set(workspaceId, (this.inFlightByWorkspace.get(workspaceId) ?? 0) + 1);
    const check: Promise<unknown> = checkLeasedMonitor({
      ctx,
      input: { monitor, options: this.deps.options },
    })
      .catch((err: unknown) =>
        this.deps.logger.error({ err, monitorId: monitor.id }, "check failed"),
      )
      .finally(() => {
        this.inFlight.delete(check);
        const before = this.inFlightByWorkspace.get(workspaceId) ?? 1;
        if (before <= 1) this.inFlightByWorkspace.delete(workspaceId);
        else this.inFlightByWorkspace.set(workspaceId, before - 1);
        const free = this.concurrency - this.inFlight.size;
        // Wake when this check frees a slot someone may be waiting for: the last free one, one
        // within this workspace's share, or the first one beyond the reserve.
        if (free === 1 || before === this.perWorkspace || free === this.reserve + 1)
          this.timer.wakeNow();
      });
    this.inFlight.add(check);
  }

  private async wake(): Promise<void> {
    const capacity = this.concurrency - this.inFlight.size;
    if (capacity <= 0 || this.timer.isStopped) return; // a finishing check wakes us again
    const ctx = { db: this.deps.db, now: this.deps.now };
    const claimed = await claimDueMonitorsFairly({
      ctx,
      input: {
        limit: capacity,
        share: {
          perWorkspace: this.perWorkspace,
          inFlight: this.inFlightByWorkspace,
          spare: capacity - this.reserve,
        },
      },
    });
    const startedAt = this.deps.now().getTime();
    for (const monitor of claimed) this.startCheck(monitor, startedAt);
    if (claimed.length === capacity) {
      this.timer.wakeNow();
      return;
    }
    // A workspace held at its share is woken by its own finishing check, not by its backlog.
    const held =
      this.concurrency - this.inFlight.size > this.reserve
        ? []
        : [...this.inFlightByWorkspace].flatMap(([id, n]) => (n >= this.perWorkspace ? [id] : []));
    const next = await nextDueAt({ ctx, input: { exceptWorkspaces: held } });
    this.timer.armAt(next ? next.getTime() : this.deps.now().getTime() + MAX_SLEEP_MS);
  }
}
