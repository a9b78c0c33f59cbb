import { expect, test, type Page } from "@playwright/test";
import { PASSWORD, keepScreenshot, signUp, startTarget, uniqueEmail } from "./fixtures";
import { apiClientFor, dataOf } from "./support/api-client";

async function signedUpClient(page: Page, baseURL: string | undefined, email: string) {
  await signUp(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/dashboard$/);
  return apiClientFor(baseURL, email);
}

test("an anonymous viewer sees a service go down and a job go missing without reloading, then the recovery and the incidents", async ({
  page,
  browser,
  request,
  baseURL,
}, testInfo) => {
  test.setTimeout(150_000);
  const target = await startTarget();
  try {
    const api = await signedUpClient(page, baseURL, uniqueEmail("sp-live"));
    const monitor = dataOf(
      await api.POST("/monitors", {
        body: {
          name: "Checkout API",
          url: target.url,
          interval_secs: 10,
          retry_interval_secs: 10,
          confirmations: 1,
          timeout_secs: 2,
        },
      }),
    );
    const job = dataOf(
      await api.POST("/heartbeats", {
        body: { name: "Nightly backup", interval_secs: 3600, grace_secs: 60, max_runtime_secs: 10 },
      }),
    );
    const pingPath = new URL(job.ping_url).pathname;
    expect((await request.get(pingPath)).status()).toBe(200);
    await expect
      .poll(
        async () =>
          dataOf(await api.GET("/monitors/{id}", { params: { path: { id: monitor.id } } })).status,
        {
          timeout: 30_000,
        },
      )
      .toBe("up");
    const slug = `acme-${Date.now().toString(36)}`;
    dataOf(
      await api.POST("/status-pages", {
        body: {
          slug,
          title: "Acme Status",
          description: "Payments and nightly jobs, live.",
          visibility: "public",
        },
      }),
    );

    const visitor = await browser.newContext();
    const view = await visitor.newPage();
    await view.goto(`/status/${slug}`);
    await expect(view.getByTestId("overall-status")).toHaveText(/All systems operational/);
    await expect(view.getByTestId("service")).toHaveAttribute("data-status", "operational");
    await expect(view.getByTestId("job-status")).toHaveText("On time");
    await expect(view.getByTestId("live-indicator")).toHaveText("Live");
    await view.evaluate(() => ((window as unknown as { loadedOnce: boolean }).loadedOnce = true));
    await keepScreenshot(view, testInfo, "status-page-operational");

    target.setHealthy(false);
    await expect(view.getByTestId("service-status")).toHaveText("Major outage", {
      timeout: 30_000,
    });
    await expect(view.getByTestId("overall-status")).toHaveText(/Major outage|Partial outage/);
    // A cold visitor after the flip gets the new state too (ISR expired on the flip).
    expect(await (await request.get(`/status/${slug}`)).text()).toContain("Major outage");
    const summary = (await (await request.get(`/status/${slug}/api/v2/summary.json`)).json()) as {
      status: { indicator: string };
      incidents: { name: string }[];
    };
    expect(summary.status.indicator).toMatch(/major|critical/);
    expect(summary.incidents.map((i) => i.name)).toContain("Checkout API is down");

    expect((await request.get(`${pingPath}/start`)).status()).toBe(200);
    await expect(view.getByTestId("job-status")).toHaveText("Running", { timeout: 15_000 });
    await expect(view.getByTestId("job-status")).toHaveText("Missing", { timeout: 30_000 });
    await expect(view.getByTestId("overall-status")).toHaveText(/Major outage/);
    await keepScreenshot(view, testInfo, "status-page-outage");

    target.setHealthy(true);
    expect((await request.get(pingPath)).status()).toBe(200);
    await expect(view.getByTestId("service-status")).toHaveText("Operational", { timeout: 30_000 });
    await expect(view.getByTestId("job-status")).toHaveText("On time");
    await expect(view.getByTestId("overall-status")).toHaveText(/All systems operational/);
    const history = view.getByTestId("incident");
    await expect(history.filter({ hasText: "Checkout API was down" })).toHaveCount(1, {
      timeout: 10_000,
    });
    await expect(history.filter({ hasText: "Nightly backup missed its schedule" })).toHaveCount(1);
    await expect(history.first()).toContainText("Resolved");
    expect(
      await view.evaluate(() => (window as unknown as { loadedOnce?: boolean }).loadedOnce),
    ).toBe(true);
    await keepScreenshot(view, testInfo, "status-page-recovered");
    await visitor.close();
  } finally {
    await target.close();
  }
});

test("the owner sees a private page as a preview; anyone else gets the same 404 as a page that does not exist", async ({
  page,
  browser,
  baseURL,
}, testInfo) => {
  const api = await signedUpClient(page, baseURL, uniqueEmail("sp-private"));
  dataOf(
    await api.POST("/heartbeats", {
      body: { name: "Invoice run", interval_secs: 86_400, grace_secs: 3600 },
    }),
  );
  const slug = `private-${Date.now().toString(36)}`;
  const created = dataOf(
    await api.POST("/status-pages", { body: { slug, title: "Internal Status" } }),
  );
  const pagePath = { params: { path: { id: created.id } } };
  expect(created.visibility).toBe("private");

  await page.goto(`/status/${slug}`);
  await expect(page.getByTestId("private-preview")).toBeVisible();
  await expect(page.getByText("Invoice run")).toBeVisible();
  await keepScreenshot(page, testInfo, "status-page-private-preview");

  const anonymous = await browser.newContext();
  const stranger = await anonymous.newPage();
  const res = await stranger.goto(`/status/${slug}`);
  expect(res?.status()).toBe(404);
  const missing = await (await anonymous.request.get(`/status/never-existed-${slug}`)).text();
  expect(await res?.text()).toBe(missing);
  await expect(stranger.getByText("Invoice run")).toHaveCount(0);
  await keepScreenshot(stranger, testInfo, "status-page-not-found");

  // Published, viewed (and cached) by the public, then private again: the next request is a 404.
  dataOf(await api.PATCH("/status-pages/{id}", { ...pagePath, body: { visibility: "public" } }));
  expect((await anonymous.request.get(`/status/${slug}`)).status()).toBe(200);
  expect((await anonymous.request.get(`/status/${slug}`)).status()).toBe(200);
  dataOf(await api.PATCH("/status-pages/{id}", { ...pagePath, body: { visibility: "private" } }));
  const after = await anonymous.request.get(`/status/${slug}`);
  expect(after.status()).toBe(404);
  expect(await after.text()).toBe(missing);
  await anonymous.close();
});
