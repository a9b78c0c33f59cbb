import { defineConfig, devices } from "@playwright/test";

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3123);
const baseURL = `http://127.0.0.1:${E2E_PORT}`;

export const chromiumLaunch = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
  ],
};

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: chromiumLaunch,
  },
  projects: [
    { name: "chromium", use: { ...devices["Desktop Chrome"], launchOptions: chromiumLaunch } },
  ],
  // A port other than 3000 on purpose: sign-in must follow the configured base URL.
  webServer: {
    command: "rm -rf e2e/.artifacts/data && node bin/start.mjs",
    url: `${baseURL}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    env: {
      // Nothing of the caller's Vigil, database or auth settings: an empty value counts as unset.
      ...Object.fromEntries(
        Object.keys(process.env)
          .filter((k) => /^(DATABASE_URL|VIGIL_|NEXTAUTH_|AUTH_|INNGEST_|GITHUB_CLIENT_)/.test(k))
          .map((k) => [k, ""]),
      ),
      PORT: String(E2E_PORT),
      HOST: "127.0.0.1",
      VIGIL_DATA_DIR: "e2e/.artifacts/data",
      // Many accounts sign up here and aim monitors at loopback targets.
      VIGIL_ALLOW_SIGNUP: "true",
      VIGIL_ALLOW_PRIVATE_TARGETS: "true",
      VIGIL_SIGNIN_MAX_PER_EMAIL: "5",
      VIGIL_SIGNIN_MAX_PER_IP: "1000",
      NEXT_TELEMETRY_DISABLED: "1",
      LOG_LEVEL: "warn",
    },
  },
});
