import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

export type SignInLimits = { perEmail: number; perIp: number; windowSecs: number };

export type LimitVerdict = { blocked: false } | { blocked: true; retryAfterSecs: number };

/**
 * Counts failed sign-ins per email and per client IP over a sliding window; once either count is
 * used up, further attempts are refused until the window moves on. Kept in this process's memory.
 */
export class SignInLimiter {
  private readonly byEmail: RateLimiterMemory;
  private readonly byIp: RateLimiterMemory;
  private readonly signups: RateLimiterMemory;

  constructor(limits: SignInLimits) {
    this.byEmail = new RateLimiterMemory({ points: limits.perEmail, duration: limits.windowSecs });
    this.byIp = new RateLimiterMemory({ points: limits.perIp, duration: limits.windowSecs });
    this.signups = new RateLimiterMemory({ points: limits.perIp, duration: limits.windowSecs });
  }

  async check(email: string, ip: string): Promise<LimitVerdict> {
    const [e, i] = await Promise.all([this.byEmail.get(key(email)), this.byIp.get(ip)]);
    const waits = [e, i]
      .filter((r): r is RateLimiterRes => r !== null && r.remainingPoints <= 0)
      .map((r) => Math.max(1, Math.ceil(r.msBeforeNext / 1000)));
    return waits.length === 0
      ? { blocked: false }
      : { blocked: true, retryAfterSecs: Math.max(...waits) };
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    await Promise.all([this.byEmail.penalty(key(email), 1), this.byIp.penalty(ip, 1)]);
  }

  async recordSuccess(email: string): Promise<void> {
    await this.byEmail.delete(key(email));
  }

  /** Sign-ups share the per-IP budget size but count every attempt. */
  async consumeSignup(ip: string): Promise<LimitVerdict> {
    try {
      await this.signups.consume(ip);
      return { blocked: false };
    } catch (e) {
      if (e instanceof RateLimiterRes)
        return { blocked: true, retryAfterSecs: Math.max(1, Math.ceil(e.msBeforeNext / 1000)) };
      throw e;
    }
  }
}

const key = (email: string) => email.trim().toLowerCase();
