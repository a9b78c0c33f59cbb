import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { ipLimitKey } from "@/server/domain/auth/ip-limit-key";

export type JoinLimit = { points: number; durationSecs: number };

// Generous: during an incident a whole office behind one NAT address opens the page at once; this
// only bounds how fast one address can probe for pages (a database lookup per join).
const DEFAULT_JOIN_LIMIT: JoinLimit = { points: 3000, durationSecs: 60 };

/**
 * Anonymous status page room joins per client address: each join (of a page that exists or not)
 * costs a database lookup. Resolves false once the address has used up its joins.
 */
export function createJoinLimiter(limit: JoinLimit = DEFAULT_JOIN_LIMIT) {
  const limiter = new RateLimiterMemory({ points: limit.points, duration: limit.durationSecs });
  return (ip: string): Promise<boolean> =>
    limiter.consume(ipLimitKey(ip)).then(
      () => true,
      (e: unknown) => {
        if (e instanceof RateLimiterRes) return false;
        throw e;
      },
    );
}
