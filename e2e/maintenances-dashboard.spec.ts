import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { PASSWORD, keepScreenshot, signUp, startTarget, uniqueEmail } from "./fixtures";
import { apiClientFor, dataOf } from "./support/api-client";

const SHOTS = "/tmp/shots/maintenances";

/** Each page at a phone's and a desktop's width, light and dark, kept for a person to look at. */
async function shootAll(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  for (const width of [360, 1440])
    for (const colorScheme of ["light", "dark"] as const) {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme });
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      expect.soft(wide, `${name} at ${width}px ${colorScheme}`).toBeLessThanOrEqual(width);
      await page.screenshot({
        path: `${SHOTS}/${name}-${width}-${colorScheme}.png`,
        fullPage: true,
        animations: "disabled",
      });
    }
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ colorScheme: "light" });
}

test("a person schedules maintenance on a monitor, previews a recurring one, posts an update and ends it early", async ({
  page,
  baseURL,
}, testInfo) => {
  test.setTimeout(120_000);
  const target = await startTarget();
  try {
    const email = uniqueEmail("maint");
    await signUp(page, email, PASSWORD);
    await expect(page).toHaveURL(/\/dashboard$/);
    const api = await apiClientFor(baseURL, email);
    dataOf(
      await api.POST("/monitors", {
        body: { name: "Checkout API", url: target.url, interval_secs: 60, timeout_secs: 2 },
      }),
    );

    await page.getByRole("link", { name: "Maintenance" }).first().click();
    await expect(page.getByRole("heading", { name: "No maintenance planned" })).toBeVisible();
    await shootAll(page, "list-empty");
    await page.getByRole("link", { name: "Schedule maintenance" }).first().click();
    await expect(page).toHaveURL(/\/dashboard\/maintenances\/new$/);

    await page.getByLabel("Title").fill("Database upgrade");
    await page.getByLabel("Message").fill("Upgrading PostgreSQL to 17.");
    await page.getByRole("checkbox", { name: /Checkout API/ }).check();

    // Recurring: the next three windows of the cron, from the server, in the viewer's zone.
    await page.getByRole("radio", { name: /Recurring/ }).check();
    await page.getByLabel("Cron expression").fill("30 3 * * 1");
    await page.getByLabel("Each window lasts").fill("90");
    await page.getByLabel("Unit").selectOption({ label: "minutes" });
    await expect(page.getByTestId("preview-window")).toHaveCount(3);
    await expect(page.getByTestId("preview-window").first()).toContainText(/3:30|03:30/);
    await shootAll(page, "new-recurring");

    // A cron that is not one: the error stands by the field, in words.
    await page.getByLabel("Cron expression").fill("every sunday");
    await expect(page.locator("#maintenance-schedule-error")).toContainText(/cron/i);
    await expect(page.getByLabel("Cron expression")).toHaveAttribute("aria-invalid", "true");
    await shootAll(page, "new-bad-cron");

    // A one-off window: from this minute for an hour (the form's defaults), so it runs at once.
    await page.getByRole("radio", { name: /One-off window/ }).check();
    await expect(page.getByTestId("preview-window")).toHaveCount(1);
    await page.getByRole("button", { name: "Schedule maintenance" }).click();
    await expect(page).toHaveURL(/\/dashboard\/maintenances\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Database upgrade");
    await expect(page.getByTestId("maintenance-status")).toHaveText("In progress");
    await expect(page.getByRole("link", { name: "Checkout API" })).toBeVisible();

    await page.getByLabel("Status", { exact: true }).selectOption({ label: "Verifying" });
    await page
      .getByRole("form", { name: "Post an update" })
      .getByLabel("Message")
      .fill("Upgrade done, verifying.\nSee https://example.com/runbook");
    await page.getByRole("button", { name: "Post update" }).click();
    const newest = page.getByTestId("maintenance-update").first();
    await expect(newest).toContainText("Upgrade done, verifying.");
    await expect(newest).toContainText("Verifying");
    await shootAll(page, "detail-in-progress");

    await page.getByRole("link", { name: "Maintenance", exact: true }).first().click();
    const row = page.getByTestId("maintenance-row");
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("Database upgrade");
    await expect(row).toContainText("In progress");
    await expect(row).toContainText("1 subject");
    await shootAll(page, "list");

    await row.getByRole("link", { name: "Database upgrade" }).click();
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "End now" }).click();
    await expect(page.getByTestId("maintenance-status")).toHaveText("Completed");
    await expect(page.getByRole("button", { name: "End now" })).toHaveCount(0);
    const after = dataOf(await api.GET("/maintenances", {}));
    expect(JSON.stringify(after)).toContain('"completed"');
    await keepScreenshot(page, testInfo, "maintenance-completed");
    await shootAll(page, "detail-completed");
  } finally {
    await target.close();
  }
});
