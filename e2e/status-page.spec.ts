import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { PASSWORD, keepScreenshot, signUp, startTarget, uniqueEmail } from "./fixtures";

const run = promisify(execFile);

async function apiKeyFor(page: Page, email: string) {
  await signUp(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/dashboard$/);
  const { stdout } = await run(
    process.execPath,
    ["bin/vigil.mjs", "apikey:create", "--email", email],
    {
      env: { ...process.env, VIGIL_DATA_DIR: "e2e/.artifacts/data", DATABASE_URL: "" },
    },
  );
  return { authorization: `Bearer ${stdout.trim().split("\n").at(-1)}` };
}

async function api(
  request: APIRequestContext,
  auth: Record<string, string>,
  method: "post" | "patch" | "get",
  path: string,
  data?: unknown,
) {
  const res = await request[method](path, { headers: auth, data });
  expect(res.ok(), `${method} ${path}: ${await res.text()}`).toBe(true);
  return (await res.json()) as Record<string, unknown>;
}

test("an anonymous viewer sees a service go down and a job go missing without reloading, then the recovery and the incidents", async ({
  page,
  browser,
  request,
}, testInfo) => {
  test.setTimeout(150_000);
  const target = await startTarget();
  try {
    const auth = await apiKeyFor(page, uniqueEmail("sp-live"));
    const monitor = await api(request, auth, "post", "/api/v1/monitors", {
      name: "Checkout API",
      url: target.url,
      interval_secs: 10,
      retry_interval_secs: 10,
      confirmations: 1,
      timeout_secs: 2,
    });
    const job = await api(request, auth, "post", "/api/v1/heartbeats", {
      name: "Nightly backup",
      interval_secs: 3600,
      grace_secs: 60,
      max_runtime_secs: 10,
    });
    const pingPath = new URL(job.ping_url as string).pathname;
    expect((await request.get(pingPath)).status()).toBe(200);
    await expect
      .poll(
        async () =>
          (await api(request, auth, "get", `/api/v1/monitors/${monitor.id as string}`)).status,
        {
          timeout: 30_000,
        },
      )
      .toBe("up");
    const slug = `acme-${Date.now().toString(36)}`;
    await api(request, auth, "post", "/api/v1/status-pages", {
      slug,
      title: "Acme Status",
      description: "Payments and nightly jobs, live.",
      visibility: "public",
    });

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
  request,
}, testInfo) => {
  const auth = await apiKeyFor(page, uniqueEmail("sp-private"));
  await api(request, auth, "post", "/api/v1/heartbeats", {
    name: "Invoice run",
    interval_secs: 86_400,
    grace_secs: 3600,
  });
  const slug = `private-${Date.now().toString(36)}`;
  const created = await api(request, auth, "post", "/api/v1/status-pages", {
    slug,
    title: "Internal Status",
  });
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
  await api(request, auth, "patch", `/api/v1/status-pages/${created.id as string}`, {
    visibility: "public",
  });
  expect((await anonymous.request.get(`/status/${slug}`)).status()).toBe(200);
  expect((await anonymous.request.get(`/status/${slug}`)).status()).toBe(200);
  await api(request, auth, "patch", `/api/v1/status-pages/${created.id as string}`, {
    visibility: "private",
  });
  const after = await anonymous.request.get(`/status/${slug}`);
  expect(after.status()).toBe(404);
  expect(await after.text()).toBe(missing);
  await anonymous.close();
});
