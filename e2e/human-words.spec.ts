import { expect, test } from "@playwright/test";
import { PASSWORD, keepScreenshot, signUp, startTarget, uniqueEmail } from "./fixtures";
import { apiClientFor, dataOf } from "./support/api-client";

const inMinutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();

test("what people write reaches an anonymous tab without a reload: an update, a maintenance window, an announcement", async ({
  page,
  browser,
  baseURL,
}, testInfo) => {
  test.setTimeout(90_000);
  const target = await startTarget();
  try {
    const email = uniqueEmail("words");
    await signUp(page, email, PASSWORD);
    await expect(page).toHaveURL(/\/dashboard$/);
    const api = await apiClientFor(baseURL, email);
    const monitor = dataOf(
      await api.POST("/monitors", {
        body: { name: "Checkout API", url: target.url, interval_secs: 60, timeout_secs: 2 },
      }),
    );
    const slug = `words-${Date.now().toString(36)}`;
    const statusPage = dataOf(
      await api.POST("/status-pages", {
        body: { slug, title: "Acme Status", visibility: "public" },
      }),
    );
    const incident = dataOf(
      await api.POST("/incidents", {
        body: {
          title: "Slow payments",
          status: "investigating",
          body: "Looking into it.",
          subjects: [{ kind: "monitor", id: monitor.id, impact: "degraded_performance" }],
        },
      }),
    );

    const visitor = await browser.newContext();
    const view = await visitor.newPage();
    await view.goto(`/status/${slug}`);
    await expect(view.getByTestId("live-indicator")).toHaveText("Live");
    await expect(view.getByTestId("incident-update")).toHaveCount(1);
    await view.evaluate(() => ((window as unknown as { sameTab: boolean }).sameTab = true));

    dataOf(
      await api.POST("/incidents/{id}/updates", {
        params: { path: { id: incident.id } },
        body: {
          status: "identified",
          body: "A stuck queue.\n<b>not bold</b> see https://example.com/notes",
        },
      }),
    );
    const newest = view.getByTestId("incident-update").first();
    await expect(newest).toContainText("A stuck queue.", { timeout: 15_000 });
    await expect(newest).toContainText("Identified");
    await expect(newest).toContainText("<b>not bold</b>");
    await expect(newest.getByRole("link", { name: "https://example.com/notes" })).toHaveAttribute(
      "href",
      "https://example.com/notes",
    );

    dataOf(
      await api.POST("/maintenances", {
        body: {
          title: "Database upgrade",
          body: "Upgrading PostgreSQL.",
          subjects: [{ kind: "monitor", id: monitor.id }],
          starts_at: inMinutes(-1),
          ends_at: inMinutes(30),
        },
      }),
    );
    await expect(view.getByTestId("maintenance")).toContainText("Under maintenance", {
      timeout: 15_000,
    });
    dataOf(
      await api.POST("/status-pages/{id}/announcements", {
        params: { path: { id: statusPage.id } },
        body: { body: "Our phone line is closed on Friday." },
      }),
    );
    await expect(view.getByTestId("announcement")).toContainText("phone line is closed", {
      timeout: 15_000,
    });
    expect(await view.evaluate(() => (window as unknown as { sameTab?: boolean }).sameTab)).toBe(
      true,
    );
    await keepScreenshot(view, testInfo, "human-words-public");

    const hostile = dataOf(
      await api.POST("/incidents", {
        body: {
          title: `Checkout${"W".repeat(120)} ${"long words ".repeat(7)}`.slice(0, 200),
          status: "investigating",
          body: `${"x".repeat(300)}\nhttps://example.com/${"a".repeat(150)}`,
          subjects: [{ kind: "monitor", id: monitor.id, impact: "major_outage" }],
        },
      }),
    );
    for (const body of ["Second.\nLine two.", `${"unbroken".repeat(300)} ${"word ".repeat(758)}`])
      dataOf(
        await api.POST("/incidents/{id}/updates", {
          params: { path: { id: hostile.id } },
          body: { status: "identified", body: body.slice(0, 5000) },
        }),
      );
    await expect(view.getByTestId("incident")).toHaveCount(2, { timeout: 15_000 });
    for (const width of [1440, 360])
      for (const colorScheme of ["light", "dark"] as const) {
        await view.setViewportSize({ width, height: 900 });
        await view.emulateMedia({ colorScheme });
        await view.screenshot({
          path: `/tmp/shots/h8/public-${width}-${colorScheme}.png`,
          fullPage: true,
        });
        const wide = await view.evaluate(() => document.documentElement.scrollWidth);
        expect(wide).toBeLessThanOrEqual(width);
      }
    await visitor.close();
  } finally {
    await target.close();
  }
});

test("an incident declared and updated in the dashboard appears on an anonymous tab without a reload", async ({
  page,
  browser,
  baseURL,
}, testInfo) => {
  test.setTimeout(90_000);
  const email = uniqueEmail("declare");
  await signUp(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/dashboard$/);
  const api = await apiClientFor(baseURL, email);
  dataOf(
    await api.POST("/monitors", {
      body: { name: "Search API", url: "http://127.0.0.1:9/", interval_secs: 60, timeout_secs: 2 },
    }),
  );
  const slug = `declare-${Date.now().toString(36)}`;
  dataOf(await api.POST("/status-pages", { body: { slug, title: "Acme", visibility: "public" } }));
  const visitor = await browser.newContext();
  const view = await visitor.newPage();
  await view.goto(`/status/${slug}`);
  await expect(view.getByTestId("live-indicator")).toHaveText("Live");

  await page.goto("/dashboard/incidents");
  await page.getByRole("link", { name: "Declare an incident" }).click();
  await page.getByLabel("Title").fill("Search is slow");
  await page.getByLabel("Message").fill("We are looking at the search cluster.");
  await page.getByLabel("Search API").selectOption("partial_outage");
  await page.getByRole("button", { name: "Declare incident" }).click();
  await expect(page).toHaveURL(/\/dashboard\/incidents\/[0-9a-f-]{36}$/);
  const declared = view.getByTestId("incident").filter({ hasText: "Search is slow" });
  await expect(declared).toHaveCount(1, { timeout: 15_000 });

  await page.getByLabel("Status").selectOption("investigating");
  await page.getByLabel("Message").fill("Still digging.\nNext update in 30 minutes.");
  await page.getByRole("button", { name: "Post update" }).click();
  await expect(page.getByTestId("dashboard-update").first()).toContainText("Still digging.");
  const newest = declared.getByTestId("incident-update").first();
  await expect(newest).toContainText("Still digging.", { timeout: 15_000 });
  await expect(newest).toContainText("Investigating");
  await keepScreenshot(page, testInfo, "human-words-incident-dashboard");
  await visitor.close();
});
