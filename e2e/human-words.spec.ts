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
    await visitor.close();
  } finally {
    await target.close();
  }
});
