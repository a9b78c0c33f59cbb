import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { PASSWORD, keepScreenshot, signUp, startTarget, uniqueEmail } from "./fixtures";

const run = promisify(execFile);

test("a person creates a monitor, sees it Up, then Down without reloading when the target fails", async ({
  page,
}, testInfo) => {
  test.setTimeout(90_000);
  const target = await startTarget();
  try {
    await signUp(page, uniqueEmail("monitors"));
    await expect(page).toHaveURL(/\/dashboard$/);
    await page
      .getByRole("navigation", { name: "Dashboard" })
      .getByRole("link", { name: "Monitors" })
      .click();
    await page.getByRole("link", { name: "New monitor" }).click();
    await page.getByLabel("Name").fill("Local API");
    await page.getByLabel("URL").fill(target.url);
    await page.getByLabel("Check every (seconds)").fill("10");
    await page.getByLabel("Retry every (seconds) while failing").fill("10");
    await page.getByLabel("Timeout (seconds)").fill("5");
    await page.getByLabel("Failed checks before Down").fill("1");
    await keepScreenshot(page, testInfo, "monitor-new");
    await page.getByRole("button", { name: "Create monitor" }).click();

    await expect(page).toHaveURL(/\/dashboard\/monitors\/[0-9a-f-]{36}$/);
    const status = page.getByTestId("monitor-status");
    await expect(status).toHaveText("Up", { timeout: 15_000 });
    await expect(page.getByTestId("live-indicator").filter({ visible: true })).toHaveText("Live");
    await keepScreenshot(page, testInfo, "monitor-up");

    target.setHealthy(false);
    await expect(status).toHaveText("Down", { timeout: 30_000 });
    await expect(page.getByTestId("monitor-error")).toContainText("503");
    await keepScreenshot(page, testInfo, "monitor-down");

    await page.getByRole("link", { name: "Monitors" }).first().click();
    await expect(page.getByTestId("monitor-row")).toHaveCount(1);
    await expect(page.getByTestId("monitor-row").getByText("Down")).toBeVisible();
    await keepScreenshot(page, testInfo, "monitor-list");
  } finally {
    await target.close();
  }
});

test("the monitor form explains what is wrong", async ({ page }) => {
  await signUp(page, uniqueEmail("form"));
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto("/dashboard/monitors/new");
  await page.getByLabel("Name").fill("Bad");
  await page.getByLabel("URL").fill("ftp://example.com");
  await page.getByRole("button", { name: "Create monitor" }).click();
  await expect(page.getByText("Must be an http:// or https:// URL.")).toBeVisible();
  await page.getByLabel("URL").fill("https://example.com");
  await page.getByLabel("Check every (seconds)").fill("30");
  await page.getByLabel("Timeout (seconds)").fill("40");
  await page.getByRole("button", { name: "Create monitor" }).click();
  await expect(
    page.getByText(/timeout_secs \(40\) must be below interval_secs \(30\)/i),
  ).toBeVisible();
});

test("the REST API round-trips a monitor with an API key", async ({ page, request }) => {
  const email = uniqueEmail("api");
  await signUp(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/dashboard$/);
  const { stdout } = await run(
    process.execPath,
    ["bin/vigil.mjs", "apikey:create", "--email", email],
    {
      env: { ...process.env, VIGIL_DATA_DIR: "e2e/.artifacts/data", DATABASE_URL: "" },
    },
  );
  const key = stdout.trim().split("\n").at(-1) ?? "";
  const auth = { authorization: `Bearer ${key}` };

  expect((await request.get("/api/v1/monitors")).status()).toBe(401);
  expect(
    await (
      await request.get("/api/v1/monitors", { headers: { authorization: "Bearer vgl_nope" } })
    ).json(),
  ).toEqual({ error: "invalid API key" });

  const created = await request.post("/api/v1/monitors", {
    headers: auth,
    data: { name: "API made", url: "http://127.0.0.1:9/" },
  });
  expect(created.status()).toBe(201);
  const monitor = (await created.json()) as Record<string, unknown>;
  expect(monitor).toMatchObject({
    name: "API made",
    method: "GET",
    headers: {},
    accepted_status_codes: ["200-399"],
    max_redirects: 10,
    timeout_secs: 10,
    interval_secs: 60,
    confirmations: 2,
    paused: false,
    status: "pending",
    keyword: null,
    keyword_must_be_absent: false,
    degraded_after_ms: null,
  });
  for (const field of [
    "id",
    "retry_interval_secs",
    "last_checked_at",
    "last_response_ms",
    "next_check_at",
    "created_at",
    "updated_at",
  ])
    expect(monitor).toHaveProperty(field);
  const id = monitor.id as string;

  expect(
    (
      (await (await request.get("/api/v1/monitors", { headers: auth })).json()) as {
        monitors: { id: string }[];
      }
    ).monitors.map((m) => m.id),
  ).toContain(id);
  const patched = await request.patch(`/api/v1/monitors/${id}`, {
    headers: auth,
    data: { name: "Renamed", interval_secs: 120 },
  });
  expect(await patched.json()).toMatchObject({
    name: "Renamed",
    interval_secs: 120,
    url: "http://127.0.0.1:9/",
  });
  expect(
    await (await request.post(`/api/v1/monitors/${id}/pause`, { headers: auth })).json(),
  ).toMatchObject({ paused: true, status: "paused", next_check_at: null });
  expect(
    await (await request.post(`/api/v1/monitors/${id}/resume`, { headers: auth })).json(),
  ).toMatchObject({ paused: false, status: "pending" });
  const checks = await request.get(`/api/v1/monitors/${id}/checks?limit=5000`, { headers: auth });
  expect(checks.status()).toBe(200);
  expect(await checks.json()).toHaveProperty("checks");
  expect(
    (await request.get(`/api/v1/monitors/${id}/checks?limit=0`, { headers: auth })).status(),
  ).toBe(400);

  const bad = await request.post("/api/v1/monitors", {
    headers: auth,
    data: { name: "x", url: "http://127.0.0.1/", interval_secs: 5 },
  });
  expect(bad.status()).toBe(400);
  expect(((await bad.json()) as { error: string }).error).toMatch(/^interval_secs: /);
  const unknown = await request.post("/api/v1/monitors", {
    headers: auth,
    data: { name: "x", url: "http://127.0.0.1/", colour: "red" },
  });
  expect(await unknown.json()).toEqual({ error: "unknown or read-only field colour" });
  const notJson = await request.post("/api/v1/monitors", {
    headers: { ...auth, "content-type": "application/json" },
    data: "{oops",
  });
  expect(notJson.status()).toBe(400);

  expect((await request.delete(`/api/v1/monitors/${id}`, { headers: auth })).status()).toBe(204);
  const gone = await request.get(`/api/v1/monitors/${id}`, { headers: auth });
  expect(gone.status()).toBe(404);
  expect(await gone.json()).toEqual({ error: "monitor not found" });

  const openapi = await request.get("/api/v1/openapi.json");
  expect(openapi.status()).toBe(200);
  expect(Object.keys(((await openapi.json()) as { paths: object }).paths)).toContain(
    "/monitors/{id}/checks",
  );
});
