import { describe, expect, it } from "vitest";
import { SignInLimiter } from "@/server/services/auth/sign-in-limiter";

describe("sign-in limiter", () => {
  it("blocks an email after its failed attempts are used up, whatever the address", async () => {
    const limiter = new SignInLimiter({ perEmail: 3, perIp: 100, windowSecs: 900 });
    for (let i = 0; i < 3; i++) {
      expect(await limiter.check("a@example.com", `10.0.0.${i}`)).toEqual({ blocked: false });
      await limiter.recordFailure("A@example.com", `10.0.0.${i}`);
    }
    const verdict = await limiter.check("a@example.com", "10.0.0.99");
    expect(verdict).toMatchObject({ blocked: true });
    expect(verdict.blocked && verdict.retryAfterSecs).toBeGreaterThan(800);
    expect(await limiter.check("b@example.com", "10.0.0.99")).toEqual({ blocked: false });
  });

  it("blocks an address that tries many emails", async () => {
    const limiter = new SignInLimiter({ perEmail: 100, perIp: 5, windowSecs: 900 });
    for (let i = 0; i < 5; i++) await limiter.recordFailure(`user${i}@example.com`, "198.51.100.4");
    expect(await limiter.check("fresh@example.com", "198.51.100.4")).toMatchObject({
      blocked: true,
    });
    expect(await limiter.check("fresh@example.com", "198.51.100.5")).toEqual({ blocked: false });
  });

  it("forgets an email's failures after a successful sign-in", async () => {
    const limiter = new SignInLimiter({ perEmail: 2, perIp: 100, windowSecs: 900 });
    await limiter.recordFailure("c@example.com", "1.1.1.1");
    await limiter.recordSuccess("c@example.com");
    await limiter.recordFailure("c@example.com", "1.1.1.1");
    expect(await limiter.check("c@example.com", "1.1.1.1")).toEqual({ blocked: false });
  });
});
