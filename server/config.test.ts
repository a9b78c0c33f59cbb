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
    expect(config.alertLogRetentionDays).toBe(90);
  });

  it("opens sign-up to the first account and private targets to the owner by default", () => {
    expect(loadConfig({})).toMatchObject({ signup: "first", privateTargets: "owner" });
  });

  it.each([
    ["true", "open"],
    ["1", "open"],
    ["yes", "open"],
    ["false", "closed"],
    ["0", "closed"],
    ["no", "closed"],
    ["first", "first"],
  ])("reads VIGIL_ALLOW_SIGNUP=%s as %s", (value, signup) => {
    expect(loadConfig({ VIGIL_ALLOW_SIGNUP: value }).signup).toBe(signup);
  });

  it.each([
    ["true", "all"],
    ["yes", "all"],
    ["false", "none"],
    ["0", "none"],
    ["owner", "owner"],
  ])("reads VIGIL_ALLOW_PRIVATE_TARGETS=%s as %s", (value, privateTargets) => {
    expect(loadConfig({ VIGIL_ALLOW_PRIVATE_TARGETS: value }).privateTargets).toBe(privateTargets);
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
    [{ VIGIL_ALLOW_SIGNUP: "maybe" }, /VIGIL_ALLOW_SIGNUP must be true, false or first/],
    [
      { VIGIL_ALLOW_PRIVATE_TARGETS: "first" },
      /VIGIL_ALLOW_PRIVATE_TARGETS must be true, false or owner/,
    ],
    [{ VIGIL_BASE_URL: "https://example.com/vigil" }, /VIGIL_BASE_URL must be an origin/],
    [{ VIGIL_ALERT_LOG_RETENTION_DAYS: "7" }, /VIGIL_ALERT_LOG_RETENTION_DAYS must be at least 14/],
    [
      { VIGIL_BASE_URL: "https://a.example.com", NEXTAUTH_URL: "https://b.example.com" },
      /NEXTAUTH_URL must have the same origin/,
    ],
  ])("refuses %o naming the variable", (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it("never repeats a secret or a database password in its message", () => {
    const secret = () => loadConfig({ NEXTAUTH_SECRET: "hunter2-prod" });
    expect(secret).toThrow(
      /NEXTAUTH_SECRET must be at least 32 characters \(got a value of 12 characters\)/,
    );
    expect(secret).not.toThrow(/hunter2/);
    const url = () => loadConfig({ DATABASE_URL: "mysql://admin:S3cr3t@db/vigil" });
    expect(url).toThrow(/mysql:\/\/admin:\*\*\*@db\/vigil/);
    expect(url).not.toThrow(/S3cr3t/);
  });

  it("keeps the default data dir in the project, wherever the command runs", () => {
    const here = process.cwd();
    process.chdir("/tmp");
    try {
      expect(loadConfig({}).dataDir).toBe(`${here}/.vigil`);
    } finally {
      process.chdir(here);
    }
  });

  it("switches to the Inngest driver when Inngest is configured, and not for INNGEST_DEV=0", () => {
    expect(loadConfig({ INNGEST_DEV: "0" }).inngest.enabled).toBe(false);
    expect(loadConfig({ INNGEST_DEV: "http://127.0.0.1:8288" }).inngest).toMatchObject({
      enabled: true,
      devServerUrl: "http://127.0.0.1:8288",
    });
    expect(loadConfig({ INNGEST_DEV: "1" }).inngest.enabled).toBe(true);
    expect(loadConfig({ INNGEST_EVENT_KEY: "e", INNGEST_SIGNING_KEY: "s" }).inngest.enabled).toBe(
      true,
    );
  });

  it("takes generous workspace quotas by default, and others from the environment", () => {
    expect(loadConfig({}).quotas).toEqual({
      monitors: 500,
      heartbeats: 1000,
      statusPages: 20,
      channels: 50,
    });
    expect(
      loadConfig({ VIGIL_QUOTA_MONITORS: "20", VIGIL_QUOTA_STATUS_PAGES: "0" }).quotas,
    ).toMatchObject({ monitors: 20, statusPages: 0, channels: 50 });
    expect(() => loadConfig({ VIGIL_QUOTA_CHANNELS: "lots" })).toThrow(
      /VIGIL_QUOTA_CHANNELS must be a whole number/,
    );
  });
});
