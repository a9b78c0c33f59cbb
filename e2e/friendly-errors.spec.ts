import fs from "node:fs";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { keepScreenshot, signUp, uniqueEmail } from "./fixtures";

/** The form as it is now (errors shown), at 1440 and 360 px, light and dark, without a reload. */
async function shootForm(page: Page, testInfo: TestInfo, name: string) {
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const width of [1440, 360]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        width,
      );
      await keepScreenshot(page, testInfo, `${name}-${width}-${scheme}`);
      if (process.env.SHOTS_DIR) {
        fs.mkdirSync(process.env.SHOTS_DIR, { recursive: true });
        await page.screenshot({
          path: `${process.env.SHOTS_DIR}/${name}-${width}-${scheme}.png`,
          fullPage: true,
          animations: "disabled",
        });
      }
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 1280, height: 800 });
}

test("the monitor form says what is wrong in the user's words, next to the field", async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  await signUp(page, uniqueEmail("friendly"));
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto("/dashboard/monitors/new");
  await page.getByLabel("Name").fill("Checkout API");
  await page.getByLabel("URL").fill("https://example.com");
  await page.getByLabel("Check every (seconds)").fill("30");
  await page.getByLabel("Timeout (seconds)").fill("30");
  await page.getByRole("button", { name: "Create monitor" }).click();
  await expect(page.getByLabel("Timeout (seconds)")).toHaveAccessibleDescription(
    /^Timeout must be shorter than the check interval/,
  );
  await page.getByLabel("Name").fill("n".repeat(150));
  await page.getByLabel("Check every (seconds)").fill("5");
  await page.getByLabel("Timeout (seconds)").fill("3");
  await page.getByRole("button", { name: "Create monitor" }).click();
  await expect(page.getByLabel("Name")).toHaveAccessibleDescription(
    "Name must be at most 100 characters.",
  );
  await expect(page.getByLabel("Check every (seconds)")).toHaveAccessibleDescription(
    "Interval must be at least 10 seconds.",
  );
  await expect(page.getByText(/Too small|Too big|expected number|>=/)).toHaveCount(0);
  await shootForm(page, testInfo, "monitor-form-errors");
});

test("a status page title too long is an error as it is typed, never cut", async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  await signUp(page, uniqueEmail("friendly-page"));
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto("/dashboard/status-pages/new");
  const title = "T".repeat(10_000);
  await page.getByLabel("Title").fill(title);
  await expect(page.getByLabel("Title")).toHaveValue(title);
  await expect(page.getByLabel("Title")).toHaveAccessibleDescription(
    "Title must be at most 100 characters.",
  );
  await page.getByLabel("Slug").fill("friendly-errors");
  await page.getByRole("button", { name: /Create/ }).click();
  await expect(page).toHaveURL(/\/status-pages\/new$/);
  await shootForm(page, testInfo, "status-page-form-errors");
});
