import fs from "node:fs";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { keepScreenshot, signUp, startTarget, uniqueEmail } from "./fixtures";

const LONG = `no-${"maintenance-window-".repeat(14)}end`;

/** Desktop and phone, light and dark, kept with the run and under /tmp/shots for review. */
async function shootEverywhere(page: Page, testInfo: TestInfo, name: string) {
  for (const [device, width] of [
    ["1440", 1440],
    ["360", 360],
  ] as const)
    for (const scheme of ["light", "dark"] as const) {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: scheme });
      await page.evaluate(() => window.scrollTo(0, 0));
      await keepScreenshot(page, testInfo, `${name}-${device}-${scheme}`);
      const shots = "/tmp/shots/h2-assertions";
      fs.mkdirSync(shots, { recursive: true });
      await page.screenshot({ path: `${shots}/${name}-${device}-${scheme}.png`, fullPage: true });
    }
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ colorScheme: "light" });
}

async function addAssertion(
  page: Page,
  row: number,
  source: string,
  comparison: string,
  value: string,
) {
  await page.getByRole("button", { name: "Add assertion" }).click();
  await page.getByLabel(`Assertion ${row}: what to check`).selectOption({ label: source });
  await page.getByLabel(`Assertion ${row}: comparison`).selectOption({ label: comparison });
  await page.getByLabel(`Assertion ${row}: value`).fill(value);
}

test("a person adds assertions in the dashboard and sees the monitor go down naming the one that fails", async ({
  page,
}, testInfo) => {
  // Eight full-page screenshots and two waits for a check: generous on a loaded two-core run.
  test.setTimeout(240_000);
  const target = await startTarget();
  try {
    await signUp(page, uniqueEmail("assertions"));
    await expect(page).toHaveURL(/\/dashboard$/);
    await page.goto("/dashboard/monitors/new");
    await page.getByLabel("Name").fill("Gone page");
    await page.getByLabel("URL").fill(target.url);
    await page.getByLabel("Check every (seconds)").fill("10");
    await page.getByLabel("Retry every (seconds) while failing").fill("10");
    await page.getByLabel("Timeout (seconds)").fill("5");
    await page.getByLabel("Failed checks before Down").fill("1");

    await addAssertion(page, 1, "Status code", "equals", "gone");
    await addAssertion(page, 2, "Body", "contains", "all good");
    await addAssertion(page, 3, "Body", "does not contain", LONG);
    await page.getByRole("button", { name: "Create monitor" }).click();
    await expect(
      page.getByText(
        "Assertion 1: “equals” on status code compares numbers; give a number, like 200.",
      ),
    ).toBeVisible();
    await expect(page.getByLabel("Assertion 1: value")).toHaveAttribute("aria-invalid", "true");
    await shootEverywhere(page, testInfo, "monitor-assertions-form");

    // The target answers 200: a monitor that expects its page gone is down, and says why.
    await page.getByLabel("Assertion 1: value").fill("404");
    await page.getByRole("button", { name: "Create monitor" }).click();
    await expect(page).toHaveURL(/\/dashboard\/monitors\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId("monitor-status")).toHaveText("Down", { timeout: 30_000 });
    await expect(page.getByTestId("monitor-error")).toHaveText(
      'Assertion failed: status code eq "404" (got 200)',
    );
    await expect(page.getByTestId("assertions").getByRole("listitem")).toHaveText([
      "Status code equals 404",
      "Body contains all good",
      `Body does not contain ${LONG}`,
    ]);
    await shootEverywhere(page, testInfo, "monitor-assertions-detail");

    // Removing it in the edit form brings the monitor back up on its next check.
    await page.goto(`${page.url()}/edit`);
    await expect(page.getByTestId("assertion-row")).toHaveCount(3);
    await expect(page.getByLabel("Assertion 1: value")).toHaveValue("404");
    await page.getByRole("button", { name: "Remove assertion 1" }).click();
    await expect(page.getByTestId("assertion-row")).toHaveCount(2);
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page).toHaveURL(/\/dashboard\/monitors\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId("monitor-status")).toHaveText("Up", { timeout: 30_000 });
    await expect(page.getByTestId("assertions").getByRole("listitem")).toHaveCount(2);
  } finally {
    await target.close();
  }
});
