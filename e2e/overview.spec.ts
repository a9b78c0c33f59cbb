import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { PASSWORD, keepScreenshot, signUp, startTarget, uniqueEmail } from "./fixtures";

const run = promisify(execFile);
// The longest name the forms accept.
const LONG = `Payments ${"gateway-".repeat(24)}`.slice(0, 100);

async function apiKeyFor(page: Page, email: string) {
  await signUp(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/dashboard$/);
  const { stdout } = await run(
    process.execPath,
    ["bin/vigil.mjs", "apikey:create", "--email", email],
    { env: { ...process.env, VIGIL_DATA_DIR: "e2e/.artifacts/data", DATABASE_URL: "" } },
  );
  return { authorization: `Bearer ${stdout.trim().split("\n").at(-1)}` };
}

async function post(
  request: APIRequestContext,
  auth: Record<string, string>,
  path: string,
  data: unknown,
) {
  const res = await request.post(path, { headers: auth, data });
  expect(res.ok(), `POST ${path}: ${await res.text()}`).toBe(true);
  return (await res.json()) as Record<string, unknown>;
}

async function expectFitsAndTouchable(page: Page, width: number) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    width,
  );
  const heights = await page
    .locator("main a")
    .evaluateAll((links) => links.map((a) => a.getBoundingClientRect().height));
  expect(Math.min(...heights)).toBeGreaterThanOrEqual(44);
}

test("the overview shows what is wrong first, live, and says calmly when all is fine", async ({
  page,
  request,
}, testInfo) => {
  test.setTimeout(150_000);
  const target = await startTarget();
  try {
    const email = uniqueEmail("ov");
    const auth = await apiKeyFor(page, email);
    for (const name of ["Checkout API", LONG])
      await post(request, auth, "/api/v1/monitors", {
        name,
        url: target.url,
        interval_secs: 10,
        retry_interval_secs: 10,
        confirmations: 1,
        timeout_secs: 2,
      });
    const job = await post(request, auth, "/api/v1/heartbeats", {
      name: "Nightly backup",
      interval_secs: 3600,
      grace_secs: 60,
      max_runtime_secs: 10,
    });
    await post(request, auth, "/api/v1/heartbeats", { name: LONG, interval_secs: 3600 });
    const pingPath = new URL(job.ping_url as string).pathname;
    expect((await request.get(pingPath)).status()).toBe(200);

    await page.goto("/dashboard");
    await expect(page.getByTestId("all-fine")).toHaveText(
      "All 2 monitors and 2 heartbeats are fine",
      { timeout: 30_000 },
    );
    await expect(page.getByTestId("subject-tile")).toHaveCount(4);
    await expect(page.getByTestId("account-email").filter({ visible: true })).toHaveAttribute(
      "title",
      email,
    );
    await page.evaluate(() => ((window as unknown as { loadedOnce: boolean }).loadedOnce = true));

    // The target fails and the job's run never finishes: both come first, without a reload.
    target.setHealthy(false);
    expect((await request.get(`${pingPath}/start`)).status()).toBe(200);
    const problems = page.getByTestId("problem");
    await expect(problems).toHaveCount(3, { timeout: 40_000 });
    await expect(problems.filter({ hasText: "Nightly backup" })).toHaveAttribute(
      "data-state",
      "missing",
    );
    await expect(problems.filter({ hasText: "Checkout API" })).toHaveAttribute(
      "data-state",
      "down",
    );
    await expect(problems.first()).toContainText(/Since .+\((just now|.+ ago)\)/);
    await expect(problems.first()).toHaveAttribute("href", /\/dashboard\/(monitors|heartbeats)\//);
    await expect(page.getByTestId("all-fine")).toHaveCount(0);
    await expect(page.getByTestId("open-incident")).toHaveCount(3);
    // Flips read in the badges' words, never as raw states ("up → down").
    await expect(page.getByTestId("flip").first()).toContainText(
      /went Down|went Missing|is Running/,
    );
    await expect(
      page.getByTestId("flip").filter({ hasText: "Checkout API went Down" }).first(),
    ).toContainText(/was (Up|Pending)/);
    await expect(page.getByTestId("flip").filter({ hasText: "→" })).toHaveCount(0);
    await expect(page.getByTestId("checks-per-minute")).not.toHaveText("0");
    const problemsTop = (await problems.first().boundingBox())?.y ?? Infinity;
    const gridTop = (await page.getByTestId("subject-tile").first().boundingBox())?.y ?? 0;
    expect(problemsTop).toBeLessThan(gridTop);
    expect(
      await page.evaluate(() => (window as unknown as { loadedOnce?: boolean }).loadedOnce),
    ).toBe(true);

    for (const width of [1440, 360]) {
      for (const colorScheme of ["light", "dark"] as const) {
        await page.setViewportSize({ width, height: 900 });
        await page.emulateMedia({ colorScheme });
        await expectFitsAndTouchable(page, width);
        await keepScreenshot(page, testInfo, `overview-outage-${width}-${colorScheme}`);
      }
    }
  } finally {
    await target.close();
  }
});

test("a fresh account still gets the Get started cards", async ({ page }, testInfo) => {
  await signUp(page, uniqueEmail("ov-new"));
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByTestId("get-started")).toBeVisible();
  await expect(page.getByRole("heading", { name: /Welcome/ })).toBeVisible();
  await expect(page.getByTestId("all-fine")).toHaveCount(0);
  await page.setViewportSize({ width: 360, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await keepScreenshot(page, testInfo, "overview-new-360");
});
