import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { PASSWORD, keepScreenshot, signUp, uniqueEmail } from "./fixtures";

const run = promisify(execFile);

test("an open tab of a page that turns private drops its content and says it is no longer available", async ({
  page,
  browser,
  request,
}, testInfo) => {
  test.setTimeout(120_000);
  const email = uniqueEmail("sp-gone");
  await signUp(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/dashboard$/);
  const { stdout } = await run(
    process.execPath,
    ["bin/vigil.mjs", "apikey:create", "--email", email],
    { env: { ...process.env, VIGIL_DATA_DIR: "e2e/.artifacts/data", DATABASE_URL: "" } },
  );
  const headers = { authorization: `Bearer ${stdout.trim().split("\n").at(-1)}` };
  const slug = `gone-${Date.now().toString(36)}`;
  const created = await request.post("/api/v1/status-pages", {
    headers,
    data: { slug, title: "Secret Roadmap Status", visibility: "public" },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };

  const visitor = await browser.newContext();
  const view = await visitor.newPage();
  await view.goto(`/status/${slug}`);
  await expect(view.getByRole("heading", { name: "Secret Roadmap Status" })).toBeVisible();
  await expect(view.getByTestId("live-indicator")).toHaveText("Live");
  await view.evaluate(() => ((window as unknown as { loadedOnce: boolean }).loadedOnce = true));

  const patched = await request.patch(`/api/v1/status-pages/${id}`, {
    headers,
    data: { visibility: "private" },
  });
  expect(patched.ok(), await patched.text()).toBe(true);

  await expect(view.getByTestId("page-unavailable")).toHaveText(
    /This page is no longer available/,
    { timeout: 10_000 },
  );
  expect(await view.locator("body").innerText()).not.toContain("Secret Roadmap Status");
  await expect(view).toHaveTitle("Page not available");
  expect(
    await view.evaluate(() => (window as unknown as { loadedOnce?: boolean }).loadedOnce),
  ).toBe(true);
  await keepScreenshot(view, testInfo, "status-page-gone");
  // The owner still sees it, as a preview.
  await page.goto(`/status/${slug}`);
  await expect(page.getByTestId("private-preview")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Secret Roadmap Status" })).toBeVisible();
  await visitor.close();
});
