import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { keepScreenshot, signUp, startTarget, uniqueEmail } from "./fixtures";

/** 1440 and 360 px, light and dark, of the page at `url`. */
async function shootAllWays(page: Page, testInfo: TestInfo, url: string, name: string) {
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const width of [1440, 360]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(url);
      await page.waitForLoadState("networkidle");
      await keepScreenshot(page, testInfo, `${name}-${width}-${scheme}`);
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 1280, height: 800 });
}

test("monitor and heartbeat lists and pages look the same at 1440 and 360 px, light and dark", async ({
  page,
  request,
}, testInfo) => {
  test.setTimeout(120_000);
  const target = await startTarget();
  try {
    await signUp(page, uniqueEmail("subjects"));
    await expect(page).toHaveURL(/\/dashboard$/);
    await page.goto("/dashboard/monitors/new");
    await page.getByLabel("Name").fill("Local API");
    await page.getByLabel("URL").fill(target.url);
    await page.getByRole("button", { name: "Create monitor" }).click();
    await expect(page).toHaveURL(/\/dashboard\/monitors\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId("monitor-status")).toHaveText("Up", { timeout: 15_000 });
    const monitorUrl = page.url();

    await page.goto("/dashboard/heartbeats/new");
    await page.getByLabel("Name").fill("nightly-sync");
    await page.getByRole("button", { name: "Create heartbeat" }).click();
    await expect(page).toHaveURL(/\/dashboard\/heartbeats\/[0-9a-f-]{36}$/);
    const pingUrl = (await page.getByTestId("ping-url").textContent())?.trim() ?? "";
    expect((await request.post(new URL(pingUrl).pathname, { data: "done" })).status()).toBe(200);
    await expect(page.getByTestId("heartbeat-status")).toHaveText("Up");
    const heartbeatUrl = page.url();

    await shootAllWays(page, testInfo, "/dashboard/monitors", "subjects-monitor-list");
    await shootAllWays(page, testInfo, monitorUrl, "subjects-monitor-detail");
    await shootAllWays(page, testInfo, "/dashboard/heartbeats", "subjects-heartbeat-list");
    await shootAllWays(page, testInfo, heartbeatUrl, "subjects-heartbeat-detail");
  } finally {
    await target.close();
  }
});
