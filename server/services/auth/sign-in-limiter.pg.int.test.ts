import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { SignInLimiter } from "@/server/services/auth/sign-in-limiter";

const limits = { perEmail: 3, perIp: 100, windowSecs: 900 };

describe("sign-in limiter on PostgreSQL", () => {
  let database: TestDatabase;
  const opened: SignInLimiter[] = [];
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await Promise.all(opened.map((l) => l.close()));
    await database.drop();
  });

  async function node(): Promise<SignInLimiter> {
    const limiter = new SignInLimiter(limits, { kind: "postgres", url: database.url ?? "" });
    opened.push(limiter);
    await limiter.ready;
    return limiter;
  }

  it("shares counts between nodes, and a restarted node still sees them", async () => {
    const [a, b] = await Promise.all([node(), node()]);
    expect(await a.attempt("shared@example.com", "2001:db8::1")).toEqual({ blocked: false });
    expect(await b.attempt("shared@example.com", "2001:0db8:0:0::2")).toEqual({ blocked: false });
    expect(await a.attempt("shared@example.com", "203.0.113.5")).toEqual({ blocked: false });
    expect(await b.attempt("shared@example.com", "203.0.113.6")).toMatchObject({ blocked: true });
    await a.close();
    await b.close();

    const restarted = await node();
    const verdict = await restarted.attempt("Shared@example.com", "198.51.100.1");
    expect(verdict).toMatchObject({ blocked: true });
    expect(verdict.blocked && verdict.retryAfterSecs).toBeGreaterThan(800);
    expect(await restarted.attempt("other@example.com", "198.51.100.1")).toEqual({
      blocked: false,
    });
  });

  it("counts a parallel burst across two nodes once", async () => {
    const [a, b] = await Promise.all([node(), node()]);
    const verdicts = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).attempt("burst@example.com", "1.2.3.4")),
    );
    expect(verdicts.filter((v) => !v.blocked)).toHaveLength(3);
  });
});
