import type { Clock } from "@/server/services/context";

/** Node's setTimeout fires at once for anything longer (with a warning). */
const SET_TIMEOUT_MAX_MS = 2 ** 31 - 1;

export type WakeTimerOptions = {
  now: Clock;
  /** The work of one wake-up; it arms the next one itself (armAt). */
  wake: () => Promise<void>;
  /** Called with what a wake-up threw; the timer then wakes again after `retryMs`. */
  onError: (err: unknown) => void;
  /** The longest sleep: a safety wake-up in case a change never reached this process. */
  maxSleepMs?: number;
  retryMs?: number;
};

/**
 * One timer armed for the earliest time anyone asked for. Wake-ups never overlap: one asked for
 * while another runs is folded into a single wake-up right after it.
 */
export class WakeTimer {
  private timer: NodeJS.Timeout | null = null;
  private armedFor = Number.POSITIVE_INFINITY;
  private waking: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private readonly maxSleepMs: number;
  private readonly retryMs: number;

  constructor(private readonly options: WakeTimerOptions) {
    this.maxSleepMs = Math.min(options.maxSleepMs ?? 60_000, SET_TIMEOUT_MAX_MS);
    this.retryMs = options.retryMs ?? 1000;
  }

  /** Wakes at `at` (ms since the epoch) unless a wake-up is already armed for no later. */
  armAt(at: number): void {
    if (this.stopped || at >= this.armedFor) return;
    if (this.timer) clearTimeout(this.timer);
    this.armedFor = at;
    const delay = Math.max(0, Math.min(at - this.options.now().getTime(), this.maxSleepMs));
    this.timer = setTimeout(() => this.fire(), delay);
  }

  wakeNow(): void {
    this.armAt(this.options.now().getTime());
  }

  /** The wake-up under way, if any. */
  get running(): Promise<void> | null {
    return this.waking;
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  /** Arms nothing more and waits for the wake-up under way. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.waking;
  }

  private fire(): void {
    this.timer = null;
    this.armedFor = Number.POSITIVE_INFINITY;
    if (this.waking) {
      this.again = true;
      return;
    }
    this.waking = this.run().finally(() => {
      this.waking = null;
      if (this.again) {
        this.again = false;
        this.wakeNow();
      }
    });
  }

  private async run(): Promise<void> {
    try {
      await this.options.wake();
    } catch (err) {
      this.options.onError(err);
      this.armAt(this.options.now().getTime() + this.retryMs);
    }
  }
}
