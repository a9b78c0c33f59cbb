import { describe, expect, it } from "vitest";
import { sessionTokenFromCookieHeader } from "@/server/auth/session-cookie";

describe("session cookie", () => {
  it("finds the plain, secure and chunked next-auth cookies", () => {
    expect(sessionTokenFromCookieHeader("a=1; next-auth.session-token=abc; b=2")).toBe("abc");
    expect(sessionTokenFromCookieHeader("__Secure-next-auth.session-token=xyz")).toBe("xyz");
    expect(
      sessionTokenFromCookieHeader("next-auth.session-token.0=ab; next-auth.session-token.1=cd"),
    ).toBe("abcd");
  });

  it("returns null without a session cookie", () => {
    expect(sessionTokenFromCookieHeader(undefined)).toBeNull();
    expect(sessionTokenFromCookieHeader("theme=dark")).toBeNull();
  });
});
