import { describe, expect, it } from "vitest";
import { SignInLimiter } from "@/server/services/auth/sign-in-limiter";

describe("sign-in limiter", () => {
  it("blocks an email after its failed attempts are used up, whatever the address", async () => {
    const limiter = new SignInLimiter({ perEmail: 3, perIp: 100, windowSecs: 900 });
    for (let i = 0; i < 3; i++)
      expect(await limiter.attempt("A@example.com", `10.0.0.${i}`)).toEqual({ blocked: false });
    const verdict = await limiter.attempt("a@example.com", "10.0.0.99");
    expect(verdict).toMatchObject({ blocked: true });
    expect(verdict.blocked && verdict.retryAfterSecs).toBeGreaterThan(800);
    expect(await limiter.attempt("b@example.com", "10.0.0.99")).toEqual({ blocked: false });
  });

  it("blocks an address that tries many emails", async () => {
    const limiter = new SignInLimiter({ perEmail: 100, perIp: 5, windowSecs: 900 });
    for (let i = 0; i < 5; i++) await limiter.attempt(`user${i}@example.com`, "198.51.100.4");
    expect(await limiter.attempt("fresh@example.com", "198.51.100.4")).toMatchObject({
      blocked: true,
    });
    expect(await limiter.attempt("fresh@example.com", "198.51.100.5")).toEqual({ blocked: false });
  });

  it("counts every attempt of a parallel burst before any password is checked", async () => {
    const limiter = new SignInLimiter({ perEmail: 5, perIp: 100, windowSecs: 900 });
    const verdicts = await Promise.all(
      Array.from({ length: 20 }, () => limiter.attempt("burst@example.com", "1.2.3.4")),
    );
    expect(verdicts.filter((v) => !v.blocked)).toHaveLength(5);
  });

  it("gives a successful attempt back, so only failures add up", async () => {
    const limiter = new SignInLimiter({ perEmail: 2, perIp: 100, windowSecs: 900 });
    for (let i = 0; i < 5; i++) {
      expect(await limiter.attempt("c@example.com", "1.1.1.1")).toEqual({ blocked: false });
      await limiter.succeeded("c@example.com", "1.1.1.1");
    }
  });
});
