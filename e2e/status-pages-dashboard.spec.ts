import { expect, test, type Page } from "@playwright/test";
import { PASSWORD, keepScreenshot, signUp, uniqueEmail } from "./fixtures";
import { apiClientFor, dataOf } from "./support/api-client";

/** Desktop and phone, light and dark: what the pages look like to a person on either. */
async function shootEverywhere(
  page: Page,
  testInfo: Parameters<typeof keepScreenshot>[1],
  name: string,
) {
  for (const [device, width, height] of [
    ["desktop", 1280, 900],
    ["phone", 360, 740],
  ] as const)
    for (const scheme of ["light", "dark"] as const) {
      await page.setViewportSize({ width, height });
      await page.emulateMedia({ colorScheme: scheme });
      // Buttons fade between schemes (transition-colors): let them settle first.
      await page.waitForTimeout(400);
      // The phone header is sticky: from the top, a full-page shot shows it where it belongs.
      await page.evaluate(() => window.scrollTo(0, 0));
      await keepScreenshot(page, testInfo, `${name}-${device}-${scheme}`);
    }
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ colorScheme: "light" });
}

test("a person creates a status page, makes it public, hides a monitor and reorders the rest", async ({
  page,
  context,
  baseURL,
}, testInfo) => {
  test.setTimeout(120_000);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const email = uniqueEmail("status-pages");
  await signUp(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/dashboard$/);
  const api = await apiClientFor(baseURL, email);
  for (const name of ["Website", "API", "Checkout"]) {
    const res = await api.POST("/monitors", {
      body: { name, url: `https://${name.toLowerCase()}.example.com/`, paused: true },
    });
    expect(res.response.status).toBe(201);
  }
  const hb = await api.POST("/heartbeats", {
    body: { name: "nightly-backup", interval_secs: 86400 },
  });
  expect(hb.response.status).toBe(201);

  await page
    .getByRole("navigation", { name: "Dashboard" })
    .getByRole("link", { name: "Status pages" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Status pages" })).toBeVisible();
  await expect(page.getByText("No status page yet")).toBeVisible();
  await shootEverywhere(page, testInfo, "status-pages-empty");
  await page.getByRole("link", { name: "New status page" }).click();

  // The slug follows the title, and a reserved word is refused as they type.
  await page.getByLabel("Title").fill("Admin");
  await expect(page.getByLabel("Slug")).toHaveValue("admin");
  await expect(page.getByText('"admin" is reserved; choose another.')).toBeVisible();
  await expect(page.getByLabel("Slug")).toHaveAttribute("aria-invalid", "true");
  await page.getByRole("button", { name: "Create status page" }).click();
  await expect(page).toHaveURL(/\/dashboard\/status-pages\/new$/);
  await shootEverywhere(page, testInfo, "status-page-new-error");

  const slug = `acme-${Date.now().toString(36)}`;
  await page.getByLabel("Title").fill("Acme Status");
  await expect(page.getByLabel("Slug")).toHaveValue("acme-status");
  await page.getByLabel("Slug").fill(slug);
  await expect(page.getByText(/is reserved/)).toHaveCount(0);
  await expect(page.getByLabel("Slug")).not.toHaveAttribute("aria-invalid");
  await page.getByRole("button", { name: "Create status page" }).click();

  await expect(page).toHaveURL(/\/dashboard\/status-pages\/[0-9a-f-]{36}$/);
  const id = page.url().split("/").at(-1) ?? "";
  await expect(page.getByRole("heading", { level: 1, name: "Acme Status" })).toBeVisible();
  await expect(page.getByTestId("visibility")).toHaveText("Private");
  await expect(
    page.getByText(
      "Private: only members of this workspace, signed in, can see it; everyone else gets 404.",
    ),
  ).toBeVisible();
  const open = page.getByRole("link", { name: "Open Acme Status (new tab)" });
  await expect(open).toHaveAttribute("href", new RegExp(`/status/${slug}$`));
  await expect(open).toHaveAttribute("target", "_blank");
  await page.getByRole("button", { name: "Copy URL of Acme Status" }).click();
  await expect(page.getByRole("button", { name: "Copy URL of Acme Status" })).toHaveText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(
    new RegExp(`^http://127\\.0\\.0\\.1:\\d+/status/${slug}$`),
  );

  await page.getByRole("switch", { name: "Public" }).click();
  await expect(page.getByTestId("visibility")).toHaveText("Public");
  await expect(page.getByRole("switch", { name: "Public" })).toHaveAttribute(
    "aria-checked",
    "true",
  );

  // Services are in name order until reordered: API, Checkout, Website.
  const services = page.getByRole("list", { name: "Services" }).getByTestId("subject-row");
  await expect(services).toHaveText([/API/, /Checkout/, /Website/]);
  await expect(page.getByRole("list", { name: "Scheduled jobs" })).toContainText("nightly-backup");
  // A monitor added elsewhere joins the page by itself, without a reload.
  const docs = await api.POST("/monitors", {
    body: { name: "Docs", url: "https://docs.example.com/", paused: true },
  });
  expect(docs.response.status).toBe(201);
  await expect(services).toHaveText([/API/, /Checkout/, /Docs/, /Website/]);
  await page.getByRole("switch", { name: "Show Checkout" }).click();
  await expect(services.nth(1)).toHaveAttribute("data-hidden", "true");
  await page.getByRole("button", { name: "Move Website up" }).click();
  // Focus stays on the moved row, so the keyboard can keep moving it.
  await expect(page.getByRole("button", { name: "Move Website up" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(services).toHaveText([/API/, /Website/, /Checkout/, /Docs/]);
  await page.keyboard.press("Enter");
  await expect(services).toHaveText([/Website/, /API/, /Checkout/, /Docs/]);
  await expect(page.getByRole("button", { name: "Move Website down" })).toBeFocused();
  await page.getByRole("button", { name: "Save order and visibility" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();

  // Flipping visibility saves at once and keeps a half-typed description.
  const description = page.getByLabel("Description (optional)");
  await description.fill("Website, API and backups.");
  await page.getByRole("switch", { name: "Public" }).click();
  await expect(page.getByTestId("visibility")).toHaveText("Private");
  await expect(description).toHaveValue("Website, API and backups.");
  await page.getByRole("switch", { name: "Public" }).click();
  await expect(page.getByTestId("visibility")).toHaveText("Public");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("button", { name: "Save settings" })).toBeDisabled();
  await shootEverywhere(page, testInfo, "status-page-settings");

  await page.reload();
  await expect(services).toHaveText([/Website/, /API/, /Checkout/, /Docs/]);
  await expect(services.nth(2)).toHaveAttribute("data-hidden", "true");
  await expect(page.getByTestId("visibility")).toHaveText("Public");

  const pagePath = { params: { path: { id } } };
  const body = dataOf(await api.GET("/status-pages/{id}/items", pagePath));
  expect(body.items.map((i) => [i.name, i.hidden])).toEqual([
    ["Website", false],
    ["API", false],
    ["Checkout", true],
    ["Docs", false],
    ["nightly-backup", false],
  ]);
  expect(dataOf(await api.GET("/status-pages/{id}", pagePath))).toMatchObject({
    slug,
    title: "Acme Status",
    description: "Website, API and backups.",
    visibility: "public",
  });

  await page.getByRole("link", { name: "Status pages" }).first().click();
  const row = page.getByTestId("status-page-row");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Acme Status");
  await expect(row).toContainText(`/status/${slug}`);
  await expect(row).toContainText("Public");
  await shootEverywhere(page, testInfo, "status-pages-list");

  await row.getByRole("link", { name: "Acme Status", exact: true }).click();
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Delete status page" }).click();
  await expect(page).toHaveURL(/\/dashboard\/status-pages$/);
  await expect(page.getByText("No status page yet")).toBeVisible();
});

test("a taken slug shows next to the field, from the server", async ({ page, baseURL }) => {
  const first = uniqueEmail("sp-owner");
  await signUp(page, first, PASSWORD);
  await expect(page).toHaveURL(/\/dashboard$/);
  const slug = `taken-${Date.now().toString(36)}`;
  const api = await apiClientFor(baseURL, first);
  const created = await api.POST("/status-pages", { body: { slug, title: "Theirs" } });
  expect(created.response.status).toBe(201);

  await page.context().clearCookies();
  await signUp(page, uniqueEmail("sp-second"), PASSWORD);
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto("/dashboard/status-pages/new");
  await page.getByLabel("Title").fill("Mine");
  await page.getByLabel("Slug").fill(slug);
  await page.getByRole("button", { name: "Create status page" }).click();
  await expect(page.getByText(`Slug "${slug}" is already taken; choose another.`)).toBeVisible();
  await expect(page.getByLabel("Slug")).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/new$/);
});
