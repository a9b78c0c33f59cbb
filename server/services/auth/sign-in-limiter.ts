import { createHash } from "node:crypto";
import pg from "pg";
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { ipLimitKey } from "@/server/domain/auth/ip-limit-key";

export type SignInLimits = { perEmail: number; perIp: number; windowSecs: number };

/** Memory (PGlite: one process) or a table on PostgreSQL shared by every node and kept over restarts. */
export type LimiterStore = { kind: "memory" } | { kind: "postgres"; url: string };

export type LimitVerdict = { blocked: false } | { blocked: true; retryAfterSecs: number };

const TABLE = "vigil_rate_limits";

type Counter = RateLimiterMemory | RateLimiterPostgres;

const retryAfter = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000));

// Hashed: any length of typed email fits the store's key column.
const emailKey = (email: string) =>
  createHash("sha256").update(email.trim().toLowerCase()).digest("base64url");

/**
 * Counts sign-in attempts per email and per client IP (IPv6 per /64) over a window. Each attempt
 * takes a point before the password is checked (so a parallel burst is counted) and a success
 * gives it back, so only failures add up.
 */
export class SignInLimiter {
  private readonly byEmail: Counter;
  private readonly byIp: Counter;
  private readonly signups: Counter;
  private readonly pool: pg.Pool | null;
  private closed = false;
  /** Resolves once the store can count (its table exists); rejects if it cannot be reached. */
  readonly ready: Promise<void>;

  constructor(limits: SignInLimits, store: LimiterStore = { kind: "memory" }) {
    const budgets = [
      { keyPrefix: "signin-email", points: limits.perEmail },
      { keyPrefix: "signin-ip", points: limits.perIp },
      { keyPrefix: "signup-ip", points: limits.perIp },
    ];
    if (store.kind === "memory") {
      this.pool = null;
      [this.byEmail, this.byIp, this.signups] = budgets.map(
        (b) => new RateLimiterMemory({ ...b, duration: limits.windowSecs }),
      ) as [Counter, Counter, Counter];
      this.ready = Promise.resolve();
      return;
    }
    const pool = new pg.Pool({ connectionString: store.url, max: 2, allowExitOnIdle: true });
    pool.on("error", () => {}); // an idle connection dropped; the next query opens another
    this.pool = pool;
    const created: Promise<void>[] = [];
    [this.byEmail, this.byIp, this.signups] = budgets.map((b) => {
      let limiter!: RateLimiterPostgres;
      created.push(
        new Promise<void>((resolve, reject) => {
          limiter = new RateLimiterPostgres(
            {
              ...b,
              duration: limits.windowSecs,
              storeClient: pool,
              storeType: "pool",
              tableName: TABLE,
              // Migration 0008 creates it: nodes creating it at once would race on its type.
              tableCreated: true,
              clearExpiredByTimeout: true,
            },
            (err?: unknown) => (err ? reject(err) : resolve()),
          );
        }),
      );
      return limiter;
    }) as [Counter, Counter, Counter];
    this.ready = Promise.all(created).then(() => {});
    this.ready.catch(() => {}); // reported to whoever awaits it, never as an unhandled rejection
  }

  /** Takes one attempt for this email and IP; blocked when either has used up its allowance. */
  async attempt(email: string, ip: string): Promise<LimitVerdict> {
    await this.ready;
    const results = await Promise.allSettled([
      this.byEmail.consume(emailKey(email)),
      this.byIp.consume(ipLimitKey(ip)),
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
    await this.ready;
    await Promise.all([
      this.byEmail.reward(emailKey(email), 1),
      this.byIp.reward(ipLimitKey(ip), 1),
    ]);
  }

  /** Sign-ups share the per-IP budget size but count every attempt. */
  async consumeSignup(ip: string): Promise<LimitVerdict> {
    await this.ready;
    try {
      await this.signups.consume(ipLimitKey(ip));
      return { blocked: false };
    } catch (e) {
      if (e instanceof RateLimiterRes) return { blocked: true, retryAfterSecs: retryAfter(e) };
      throw e;
    }
  }

  async close(): Promise<void> {
    if (this.closed || !this.pool) return;
    this.closed = true;
    await this.pool.end();
  }
}
