import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "@/server/config";
import { setRuntime } from "@/server/runtime";
import { SignInLimiter } from "@/server/services/auth/sign-in-limiter";
import { handleTrpcRequest, MAX_TRPC_BATCH } from "@/server/trpc/fetch-handler";

describe("handleTrpcRequest", () => {
  beforeAll(() => {
    const config = loadConfig({});
    setRuntime({
      config,
      db: {} as never,
      dbKind: "pglite",
      authSecret: "x".repeat(32),
      logger: pino({ level: "silent" }),
      signInLimiter: new SignInLimiter(config.signinLimits),
    });
  });
  afterAll(() => setRuntime(undefined));

  it("refuses a batch of more than 20 calls before running any of them", async () => {
    expect(MAX_TRPC_BATCH).toBe(20);
    const paths = Array.from({ length: 21 }, () => "workspace.current").join(",");
    const input = encodeURIComponent(
      JSON.stringify(Object.fromEntries(Array.from({ length: 21 }, (_, i) => [i, {}]))),
    );
    const res = await handleTrpcRequest(
      new Request(`http://localhost/api/trpc/${paths}?batch=1&input=${input}`),
    );
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { json: { message: string } } };
    expect(body.error.json.message).toBe("Batch call exceeds maximum size");
  });
});
