import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { keepScreenshot } from "./fixtures";

// No route of the shipped app fails on purpose, so the error screen is drawn in isolation: its
// markup from React, the stylesheets the running server serves to every page.
test("the error screen reads calmly in light and dark, at 360 and 1440 px", async ({
  page,
}, testInfo) => {
  await page.goto("/");
  const sheets = await page
    .locator('link[rel="stylesheet"]')
    .evaluateAll((links) => links.map((l) => (l as HTMLLinkElement).href));
  expect(sheets.length).toBeGreaterThan(0);
  const markup = execFileSync(
    process.execPath,
    ["--import", "tsx", "e2e/support/render-error-screen.ts"],
    { encoding: "utf8" },
  );
  expect(markup).toContain("Something went wrong");
  const head = sheets.map((href) => `<link rel="stylesheet" href="${href}">`).join("");
  for (const colorScheme of ["light", "dark"] as const)
    for (const width of [360, 1440]) {
      await page.emulateMedia({ colorScheme });
      await page.setViewportSize({ width, height: width === 360 ? 740 : 900 });
      await page.setContent(
        `<!DOCTYPE html><html lang="en"><head>${head}</head><body class="min-h-dvh font-sans">${markup}</body></html>`,
        { waitUntil: "load" },
      );
      await expect(page.getByRole("heading", { name: "Something went wrong" })).toBeVisible();
      await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();
      await expect(page.getByRole("link", { name: "Back to Vigil" })).toHaveAttribute("href", "/");
      await expect(page.getByText("2749163508")).toBeVisible();
      await expect(page.locator("body")).not.toContainText("ECONNREFUSED");
      // Nothing spills sideways on a phone.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        width,
      );
      await keepScreenshot(page, testInfo, `error-page-${colorScheme}-${width}`);
    }
});
