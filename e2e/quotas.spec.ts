import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { keepScreenshot, signUp, uniqueEmail } from "./fixtures";

const run = promisify(execFile);

const full = (limit: number, what: string) =>
  `This workspace has reached its limit of ${limit} ${what}. Ask the operator to raise it (npx vigil workspace:quota).`;

test("a full workspace's forms say which limit it reached and who can raise it", async ({
  page,
}, testInfo) => {
  const email = uniqueEmail("quota");
  await signUp(page, email);
  await expect(page).toHaveURL(/\/dashboard$/);
  // The operator lowers this workspace's limits through the running server's control socket.
  await run(
    process.execPath,
    [
      "bin/vigil.mjs",
      "workspace:quota",
      "--email",
      email,
      "--monitors",
      "0",
      "--heartbeats",
      "0",
      "--status-pages",
      "0",
      "--channels",
      "0",
    ],
    { env: { ...process.env, VIGIL_DATA_DIR: "e2e/.artifacts/data", DATABASE_URL: "" } },
  );

  await page.goto("/dashboard/monitors/new");
  await page.getByLabel("Name").fill("API");
  await page.getByLabel("URL").fill("http://127.0.0.1:9/health");
  await page.getByRole("button", { name: "Create monitor" }).click();
  await expect(page.getByText(full(0, "monitors"))).toBeVisible();
  await keepScreenshot(page, testInfo, "quota-monitor-form");

  await page.goto("/dashboard/heartbeats/new");
  await page.getByLabel("Name").fill("nightly-sync");
  await page.getByRole("button", { name: "Create heartbeat" }).click();
  await expect(page.getByText(full(0, "heartbeats"))).toBeVisible();

  await page.goto("/dashboard/status-pages/new");
  await page.getByLabel("Title").fill("Acme Status");
  await page.getByRole("button", { name: "Create status page" }).click();
  await expect(page.getByText(full(0, "status pages"))).toBeVisible();

  await page.goto("/dashboard/alerts");
  await page.getByLabel("Name").fill("Ops webhook");
  await page.getByLabel("Webhook URL").fill("http://127.0.0.1:9/hook");
  await page.getByRole("button", { name: "Add channel" }).click();
  await expect(page.getByText(full(0, "alert channels"))).toBeVisible();
});
