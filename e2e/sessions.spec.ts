import { expect, test, type Browser, type Page } from "@playwright/test";
import { PASSWORD, keepScreenshot, signIn, signUp, uniqueEmail } from "./fixtures";

const live = (page: Page) => page.locator('[data-testid="live-indicator"]:visible');

/** What a signed-out browser gets from tRPC: 401, whatever cookie it still holds. */
const workspaceStatus = async (page: Page) =>
  (await page.request.get("/api/trpc/workspace.current")).status();

async function signedInTwice(browser: Browser) {
  const email = uniqueEmail("sessions");
  const first = await (await browser.newContext()).newPage();
  await signUp(first, email);
  await expect(first).toHaveURL(/\/dashboard$/);
  const second = await (await browser.newContext()).newPage();
  await signIn(second, email);
  await expect(second).toHaveURL(/\/dashboard$/);
  await expect(live(second)).toHaveText("Live");
  return { email, first, second };
}

test("signing out everywhere else ends the other browser's session and its live socket", async ({
  browser,
}, testInfo) => {
  const { first, second } = await signedInTwice(browser);
  await first.goto("/dashboard/settings");
  await expect(first.getByTestId("session-count")).toHaveText(
    "You are signed in on 2 browsers, this one included.",
  );
  await keepScreenshot(first, testInfo, "settings-security");

  await first.getByRole("button", { name: "Sign out everywhere else" }).click();
  await expect(first.getByText("Signed out 1 other session.")).toBeVisible();
  await expect(first.getByTestId("session-count")).toHaveText(
    "You are signed in on this browser only.",
  );

  // The other browser's socket is closed by the server, and its next call is refused.
  await expect(live(second)).toHaveText("Reconnecting…", { timeout: 5_000 });
  expect(await workspaceStatus(second)).toBe(401);
  await second.goto("/dashboard/monitors");
  await expect(second).toHaveURL(/\/sign-in/);

  await first.reload();
  await expect(first.getByTestId("session-count")).toHaveText(
    "You are signed in on this browser only.",
  );
  expect(await workspaceStatus(first)).toBe(200);
  await expect(live(first)).toHaveText("Live");
});

test("signing out ends the session on the server: a copied cookie no longer works", async ({
  browser,
}) => {
  const { first, second } = await signedInTwice(browser);
  const copied = await second.context().cookies();
  expect(copied.some((c) => c.name === "next-auth.session-token")).toBe(true);

  await second.getByRole("button", { name: "Sign out" }).click();
  await expect(second).toHaveURL(/\/sign-in/);

  const replay = await browser.newContext();
  await replay.addCookies(copied);
  const thief = await replay.newPage();
  expect(await workspaceStatus(thief)).toBe(401);
  await thief.goto("/dashboard");
  await expect(thief).toHaveURL(/\/sign-in/);
  expect(await workspaceStatus(first)).toBe(200);
});

test("changing the password keeps this browser signed in and signs the other out", async ({
  browser,
}, testInfo) => {
  const { email, first, second } = await signedInTwice(browser);
  await first.goto("/dashboard/settings");
  const form = first.getByRole("region", { name: "Security" });
  await form.getByLabel("Current password").fill("Not-My-Password-1");
  await form.getByLabel("New password", { exact: true }).fill("A-Fresh-Passphrase-8");
  await form.getByLabel("New password again").fill("A-Fresh-Passphrase-8");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByText("The current password is not right.")).toBeVisible();
  await keepScreenshot(first, testInfo, "settings-change-password-error");
  expect(await workspaceStatus(second)).toBe(200);

  await form.getByLabel("Current password").fill(PASSWORD);
  await form.getByLabel("New password", { exact: true }).fill("A-Fresh-Passphrase-8");
  await form.getByLabel("New password again").fill("A-Fresh-Passphrase-8");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByText("Password changed. 1 other session was signed out.")).toBeVisible();

  await expect(live(second)).toHaveText("Reconnecting…", { timeout: 5_000 });
  expect(await workspaceStatus(second)).toBe(401);
  expect(await workspaceStatus(first)).toBe(200);

  await second.goto("/dashboard");
  await expect(second).toHaveURL(/\/sign-in/);
  await signIn(second, email, "A-Fresh-Passphrase-8");
  await expect(second).toHaveURL(/\/dashboard$/);
});
