import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "@/server/config";
import { setRuntime } from "@/server/runtime";
import { SignInLimiter } from "@/server/services/auth/sign-in-limiter";
import { guardCredentialsSignIn } from "@/server/auth/guard-sign-in";

const form = (body: string) =>
  new Request("http://localhost/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body,
  });
const json = (body: string) =>
  new Request("http://localhost/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
  });
const guard = (req: Request) => guardCredentialsSignIn(req, ["callback", "credentials"]);

describe("guardCredentialsSignIn", () => {
  let limiter: SignInLimiter;
  beforeAll(() => {
    const config = loadConfig({});
    limiter = new SignInLimiter({ perEmail: 2, perIp: 100, windowSecs: 900 });
    setRuntime({
      config,
      db: {} as never,
      dbKind: "pglite",
      authSecret: "x".repeat(32),
      logger: pino({ level: "silent" }),
      signInLimiter: limiter,
    });
  });
  afterAll(() => setRuntime(undefined));

  it.each([
    ["a repeated email in a form", form("email=a%40x.org&email=victim%40x.org&password=p")],
    ["a repeated password in a form", form("email=a%40x.org&password=p&password=q")],
    ["an email that is not a string", json('{"email": ["victim@x.org"], "password": "p"}')],
    ["a password that is not a string", json('{"email": "a@x.org", "password": {"a": 1}}')],
  ])("refuses %s with 400 before counting anything", async (_, req) => {
    const res = await guard(req);
    expect(res?.status).toBe(400);
    expect(await res?.json()).toEqual({
      error: "email and password must each be given once, as text",
    });
  });

  it("counts the email next-auth will check, however the body spells it", async () => {
    expect(await guard(form("email=victim%40x.org&password=p"))).toBeNull();
    expect(await guard(json('{"email": "Victim@x.org", "password": "p"}'))).toBeNull();
    expect((await guard(form("email=VICTIM%40x.org&password=p")))?.status).toBe(429);
  });
});
