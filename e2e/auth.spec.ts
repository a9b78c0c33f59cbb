import { expect, test } from "@playwright/test";
import { PASSWORD, keepScreenshot, signIn, signUp, uniqueEmail } from "./fixtures";

test("a person signs up, lands on the dashboard, signs out and signs in again", async ({
  page,
}, testInfo) => {
  await page.goto("/");
  await expect(
    page.getByRole("heading", { name: "The status page that tells the truth." }),
  ).toBeVisible();
  await keepScreenshot(page, testInfo, "landing");

  const email = uniqueEmail("person");
  await page.getByRole("link", { name: "Get started" }).click();
  await expect(page).toHaveURL(/\/sign-up$/);
  await keepScreenshot(page, testInfo, "sign-up");
  await signUp(page, email);

  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { name: "Welcome, Ada Lovelace" })).toBeVisible();
  await expect(page.getByTestId("workspace-name").first()).toHaveText("Ada Lovelace's workspace");
  await keepScreenshot(page, testInfo, "dashboard");

  for (const [label, slug] of [
    ["Monitors", "monitors"],
    ["Heartbeats", "heartbeats"],
    ["Status pages", "status-pages"],
    ["Settings", "settings"],
  ] as const) {
    await page
      .getByRole("navigation", { name: "Dashboard" })
      .getByRole("link", { name: label })
      .click();
    await expect(page).toHaveURL(new RegExp(`/dashboard/${slug}$`));
    await expect(page.getByRole("heading", { level: 1, name: label })).toBeVisible();
    await keepScreenshot(page, testInfo, `dashboard-${slug}`);
  }
  await expect(page.getByText(email, { exact: true }).first()).toBeVisible();

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await keepScreenshot(page, testInfo, "sign-in");
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=(%2F|\/)dashboard$/);

  await signIn(page, email);
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { name: "Welcome, Ada Lovelace" })).toBeVisible();
});

test("a wrong password and an unknown email get the same generic error", async ({ page }) => {
  const email = uniqueEmail("wrong");
  await signUp(page, email);
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.context().clearCookies();

  await signIn(page, email, "Not-The-Password-1");
  await expect(page.locator("form").getByRole("alert")).toHaveText("Incorrect email or password.");
  await signIn(page, uniqueEmail("nobody"), PASSWORD);
  await expect(page.locator("form").getByRole("alert")).toHaveText("Incorrect email or password.");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("sign-up explains what is wrong with the form", async ({ page }, testInfo) => {
  const email = uniqueEmail("taken");
  await signUp(page, email);
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.context().clearCookies();

  await signUp(page, email);
  await expect(page.getByText("An account with this email already exists.")).toBeVisible();
  await signUp(page, uniqueEmail(), "short");
  await expect(page.getByText("Password must be at least 8 characters.")).toBeVisible();
  await keepScreenshot(page, testInfo, "sign-up-errors");
});

test("the dashboard works on a phone and in dark mode", async ({ browser }, testInfo) => {
  const context = await browser.newContext({
    viewport: { width: 375, height: 740 },
    colorScheme: "dark",
  });
  const page = await context.newPage();
  await signUp(page, uniqueEmail("phone"));
  await expect(page).toHaveURL(/\/dashboard$/);
  await keepScreenshot(page, testInfo, "dashboard-phone-dark");
  await page.getByRole("button", { name: "Open menu" }).click();
  await keepScreenshot(page, testInfo, "dashboard-phone-menu");
  await page
    .getByRole("navigation", { name: "Dashboard" })
    .getByRole("link", { name: "Settings" })
    .click();
  await expect(page).toHaveURL(/\/dashboard\/settings$/);
  await page.goto("/");
  await keepScreenshot(page, testInfo, "landing-phone-dark");
  await context.close();
});
