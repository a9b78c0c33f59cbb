import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { keepScreenshot, signUp, uniqueEmail } from "./fixtures";
import { createVigilClient } from "@/server/http/api-v1/client/vigil-client";

/** Desktop (1440) and phone (360), light and dark, as the page is now: nothing reloads. */
async function shootAllWays(page: Page, testInfo: TestInfo, name: string) {
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const [label, width] of [
      ["desktop", 1440],
      ["phone", 360],
    ] as const) {
      await page.setViewportSize({ width, height: 900 });
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth),
        `no sideways scrolling at ${width} px`,
      ).toBeLessThanOrEqual(width);
      await keepScreenshot(page, testInfo, `${name}-${label}-${scheme}`);
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 1280, height: 800 });
}

test("a person creates an API key in Settings, sees it once, uses it, revokes it and it stops working", async ({
  page,
  baseURL,
}, testInfo) => {
  test.setTimeout(120_000);
  await signUp(page, uniqueEmail("keys"));
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.getByRole("link", { name: "Settings" }).first().click();
  await expect(page).toHaveURL(/\/dashboard\/settings$/);
  const keys = page.getByRole("region", { name: "API keys" });
  await expect(keys.getByText("No API keys yet.")).toBeVisible();

  await page.locator("#api-key-name").fill("Grafana");
  await page.locator("#api-key-scope").selectOption("read");
  await page.getByRole("button", { name: "Create key" }).click();
  const shown = page.getByTestId("new-api-key");
  await expect(shown).toHaveText(/^vgl_[A-Za-z0-9_-]{32,}$/);
  const key = (await shown.textContent()) ?? "";
  await expect(page.getByText("it will not be shown again")).toBeVisible();
  const row = page.getByTestId("api-key-row").filter({ hasText: "Grafana" });
  await expect(row).toContainText(key.slice(0, 10));
  await expect(row).toContainText("Read only");
  await shootAllWays(page, testInfo, "api-keys-created");

  const api = createVigilClient(baseURL ?? "", key);
  expect((await api.GET("/monitors")).response.status).toBe(200);
  const write = await api.POST("/heartbeats", { body: { name: "x", interval_secs: 3600 } });
  expect(write.response.status).toBe(403);
  expect(write.error).toEqual({ error: "this API key is read-only" });

  await page.getByRole("button", { name: "I have copied it" }).click();
  await expect(shown).toHaveCount(0);
  await page.reload();
  await expect(row).not.toContainText("never");
  await expect(page.getByText(key)).toHaveCount(0);
  expect(await page.content()).not.toContain(key);

  page.once("dialog", (dialog) => void dialog.accept());
  await row.getByRole("button", { name: "Revoke Grafana" }).click();
  await expect(row).toHaveCount(0);
  await expect(keys.getByText("No API keys yet.")).toBeVisible();
  const after = await api.GET("/monitors");
  expect(after.response.status).toBe(401);
  expect(after.error).toEqual({ error: "invalid API key" });
});
