import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

export type SignInLimits = { perEmail: number; perIp: number; windowSecs: number };

export type LimitVerdict = { blocked: false } | { blocked: true; retryAfterSecs: number };

const retryAfter = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000));

/** IPv6 clients are limited per /64, which one subscriber typically holds whole. */
export function limiterKeyForIp(ip: string): string {
  const v6 = ip.includes(":") && !ip.startsWith("::ffff:");
  if (!v6) return ip.replace(/^::ffff:/, "");
  const [head] = ip.split("::");
  const groups = (head ?? "").split(":").filter(Boolean);
  return `${groups.slice(0, 4).join(":")}::/64`;
}

/**
 * Counts sign-in attempts per email and per client IP over a window. Each attempt takes a point
 * before the password is checked (so a parallel burst is counted) and a success gives it back, so
 * only failures add up. Kept in this process's memory.
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

  /** Takes one attempt for this email and IP; blocked when either has used up its allowance. */
  async attempt(email: string, ip: string): Promise<LimitVerdict> {
    const results = await Promise.allSettled([
      this.byEmail.consume(emailKey(email)),
      this.byIp.consume(limiterKeyForIp(ip)),
    ]);
    const refused = results.flatMap((r) =>
      r.status === "rejected" && r.reason instanceof RateLimiterRes ? [r.reason] : [],
    );
    const broken = results.find(
      (r) => r.status === "rejected" && !(r.reason instanceof RateLimiterRes),
    );
    if (broken && broken.status === "rejected") throw broken.reason;
    return refused.length === 0
      ? { blocked: false }
      : { blocked: true, retryAfterSecs: Math.max(...refused.map(retryAfter)) };
  }

  /** A correct password: the attempt does not count against the email or the address. */
  async succeeded(email: string, ip: string): Promise<void> {
    await Promise.all([
      this.byEmail.reward(emailKey(email), 1),
      this.byIp.reward(limiterKeyForIp(ip), 1),
    ]);
  }

  /** Sign-ups share the per-IP budget size but count every attempt. */
  async consumeSignup(ip: string): Promise<LimitVerdict> {
    try {
      await this.signups.consume(limiterKeyForIp(ip));
      return { blocked: false };
    } catch (e) {
      if (e instanceof RateLimiterRes) return { blocked: true, retryAfterSecs: retryAfter(e) };
      throw e;
    }
  }
}

const emailKey = (email: string) => email.trim().toLowerCase();
