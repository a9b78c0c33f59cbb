import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { PASSWORD, keepScreenshot, signUp, startTarget, uniqueEmail } from "./fixtures";
import { apiClientFor, dataOf } from "./support/api-client";

async function signedUpClient(page: Page, baseURL: string | undefined, email: string) {
  await signUp(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/dashboard$/);
  return apiClientFor(baseURL, email);
}

const slugOf = (label: string) => `${label}-${Date.now().toString(36)}`;

test("a monitor unticked for a public page at creation never shows there; the page left ticked shows it", async ({
  page,
  browser,
  baseURL,
}, testInfo) => {
  test.setTimeout(90_000);
  const target = await startTarget();
  try {
    const api = await signedUpClient(page, baseURL, uniqueEmail("no-surprise"));
    const kept = slugOf("kept");
    const unticked = slugOf("unticked");
    for (const [slug, title] of [
      [kept, "Kept Status"],
      [unticked, "Unticked Status"],
    ] as const)
      dataOf(await api.POST("/status-pages", { body: { slug, title, visibility: "public" } }));

    await page.goto("/dashboard/monitors/new");
    await page.getByLabel("Name").fill("Internal admin API");
    await page.getByLabel("URL").fill(target.url);
    const pages = page.getByTestId("new-subject-pages");
    await expect(pages.getByRole("checkbox", { name: /Kept Status/ })).toBeChecked();
    await pages.getByRole("checkbox", { name: /Unticked Status/ }).uncheck();
    await keepScreenshot(page, testInfo, "new-monitor-pages");
    await page.getByRole("button", { name: "Create monitor" }).click();
    await expect(page).toHaveURL(/\/dashboard\/monitors\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId("monitor-status")).toHaveText("Up", { timeout: 20_000 });

    const visitor = await browser.newContext();
    const view = await visitor.newPage();
    await view.goto(`/status/${kept}`);
    await expect(view.getByText("Internal admin API")).toBeVisible();
    await view.goto(`/status/${unticked}`);
    await expect(view.getByTestId("overall-status")).toBeVisible();
    await expect(view.getByText("Internal admin API")).toHaveCount(0);
    const summary = await (
      await view.request.get(`/status/${unticked}/api/v2/summary.json`)
    ).text();
    expect(summary).not.toContain("Internal admin API");
    await visitor.close();
  } finally {
    await target.close();
  }
});

// Names are at most 100 characters: the longest one allowed, unbroken.
const LONG = (word: string) => `${word}-${"x".repeat(100 - word.length - 1)}`;

test("a noisy job reads as one calm entry a day, at 360 and 1440 px, light and dark", async ({
  page,
  browser,
  baseURL,
  request,
}) => {
  test.setTimeout(120_000);
  const api = await signedUpClient(page, baseURL, uniqueEmail("calm-history"));
  const slug = slugOf("calm");
  dataOf(
    await api.POST("/status-pages", {
      body: { slug, title: "T".repeat(100), visibility: "public" },
    }),
  );
  const backup = dataOf(
    await api.POST("/heartbeats", { body: { name: "backup-3am", interval_secs: 3600 } }),
  );
  const long = dataOf(
    await api.POST("/heartbeats", { body: { name: LONG("nightly"), interval_secs: 3600 } }),
  );
  const ping = async (token: string, suffix = "") =>
    expect((await request.get(`/ping/${token}${suffix}`)).status()).toBe(200);
  await ping(backup.token);
  for (let i = 0; i < 3; i++) {
    await ping(backup.token, "/fail");
    await ping(backup.token);
  }
  await ping(long.token);
  await ping(long.token, "/2");
  await ping(long.token);
  await ping(long.token, "/fail");

  const shots = path.resolve("/tmp/shots/public-history");
  fs.mkdirSync(shots, { recursive: true });
  for (const width of [360, 1440])
    for (const colorScheme of ["light", "dark"] as const) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
      const view = await context.newPage();
      await view.goto(`/status/${slug}`);
      const entries = view.getByTestId("incident");
      await expect(entries.filter({ hasText: "backup-3am failed 3 times" })).toHaveCount(1);
      await expect(entries.filter({ hasText: "The run failed (exit status 2)" })).toHaveCount(1);
      await expect(view.getByTestId("history-day")).toHaveCount(1);
      expect(await entries.count()).toBe(3);
      const { scrollWidth, innerWidth } = await view.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
      }));
      expect(scrollWidth, `${width} ${colorScheme}`).toBeLessThanOrEqual(innerWidth);
      await view.screenshot({
        path: path.join(shots, `public-page-${width}-${colorScheme}.png`),
        fullPage: true,
        animations: "disabled",
      });
      await context.close();
    }
});
