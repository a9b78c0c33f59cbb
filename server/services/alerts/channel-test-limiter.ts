import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { formatDuration } from "@/server/domain/format/duration";
import { ServiceError } from "@/server/services/errors";

/** Test notifications a channel may send per minute: enough to fix a URL, too few to spam with. */
const TESTS_PER_CHANNEL_PER_MINUTE = 5;

/** Counts test sends per channel in this process's memory. */
export class ChannelTestLimiter {
  private readonly limiter = new RateLimiterMemory({
    points: TESTS_PER_CHANNEL_PER_MINUTE,
    duration: 60,
  });

  /** Takes one test send for the channel, or refuses it (RATE_LIMITED, with the wait in seconds). */
  async take(channelId: string): Promise<void> {
    try {
      await this.limiter.consume(channelId);
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) throw e;
      const retryAfterSecs = Math.max(1, Math.ceil(e.msBeforeNext / 1000));
      throw new ServiceError(
        "RATE_LIMITED",
        `Too many test notifications for this channel; please try again in ${formatDuration(retryAfterSecs * 1000)}.`,
        { retryAfterSecs },
      );
    }
  }
}

// The custom server and Next's route bundles are separate module graphs: only globalThis is shared,
// and the REST route and the dashboard must count against the same allowance.
const KEY = Symbol.for("vigil.channel-test-limiter");
type Holder = { [KEY]?: ChannelTestLimiter };

/** The process's one limiter for test sends. */
export function getChannelTestLimiter(): ChannelTestLimiter {
  const holder = globalThis as Holder;
  return (holder[KEY] ??= new ChannelTestLimiter());
}
