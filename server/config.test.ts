import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "@/server/config";

describe("config", () => {
  it("has working embedded defaults", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: "0.0.0.0",
      baseUrl: "http://localhost:3000",
      databaseUrl: undefined,
    });
    expect(config.dataDir).toMatch(/\.vigil$/);
    expect(config.inngest.enabled).toBe(false);
  });

  it("derives the base URL from a concrete HOST and PORT, or takes VIGIL_BASE_URL", () => {
    expect(loadConfig({ HOST: "127.0.0.1", PORT: "8080" }).baseUrl).toBe("http://127.0.0.1:8080");
    expect(loadConfig({ HOST: "::1", PORT: "8080" }).baseUrl).toBe("http://[::1]:8080");
    expect(loadConfig({ VIGIL_BASE_URL: "https://status.example.com/" }).baseUrl).toBe(
      "https://status.example.com",
    );
  });

  it.each([
    [{ PORT: "eighty" }, /PORT must be a whole number \(got "eighty"\)/],
    [{ PORT: "70000" }, /PORT must be at most 65535/],
    [{ DATABASE_URL: "mysql://x" }, /DATABASE_URL must be a postgres/],
    [{ VIGIL_BASE_URL: "ftp://x" }, /VIGIL_BASE_URL must be an http\(s\) URL/],
    [{ NEXTAUTH_SECRET: "short" }, /NEXTAUTH_SECRET must be at least 32 characters/],
    [{ GITHUB_CLIENT_ID: "id" }, /GITHUB_CLIENT_SECRET must be set together/],
    [{ INNGEST_EVENT_KEY: "k" }, /INNGEST_SIGNING_KEY is required/],
    [{ VIGIL_ALLOW_SIGNUP: "maybe" }, /VIGIL_ALLOW_SIGNUP must be true or false/],
  ])("refuses %o naming the variable", (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it("switches to the Inngest driver when Inngest is configured", () => {
    expect(loadConfig({ INNGEST_DEV: "1" }).inngest.enabled).toBe(true);
    expect(loadConfig({ INNGEST_EVENT_KEY: "e", INNGEST_SIGNING_KEY: "s" }).inngest.enabled).toBe(
      true,
    );
  });
});
