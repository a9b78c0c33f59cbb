import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { PASSWORD, keepScreenshot, signUp, startTarget, uniqueEmail } from "./fixtures";
import { createVigilClient } from "@/server/http/api-v1/client/vigil-client";

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
    // The state changes read in the badges' words, not raw states with an arrow.
    await expect(page.getByTestId("state-change").first()).toContainText("Went Down · was Up");
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
  await expect(page.getByText("URL must start with http:// or https://.")).toBeVisible();
  await page.getByLabel("URL").fill("https://example.com");
  await page.getByLabel("Check every (seconds)").fill("30");
  await page.getByLabel("Timeout (seconds)").fill("40");
  await page.getByRole("button", { name: "Create monitor" }).click();
  await expect(page.getByText(/^Timeout must be shorter than the check interval/)).toBeVisible();
});

test("the REST API round-trips a monitor with an API key", async ({ page, request, baseURL }) => {
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
  const api = createVigilClient(baseURL ?? "", key);

  expect((await request.get("/api/v1/monitors")).status()).toBe(401);
  const nope = await createVigilClient(baseURL ?? "", "vgl_nope").GET("/monitors");
  expect(nope.error).toEqual({ error: "invalid API key" });

  const created = await api.POST("/monitors", {
    body: { name: "API made", url: "http://127.0.0.1:9/" },
  });
  expect(created.response.status).toBe(201);
  const monitor = created.data;
  if (!monitor) throw new Error(`create failed: ${JSON.stringify(created.error)}`);
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
    assertions: [],
    ssl_expires_at: null,
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
  const id = monitor.id;
  const path = { params: { path: { id } } };

  expect((await api.GET("/monitors")).data?.monitors.map((m) => m.id)).toContain(id);
  const patched = await api.PATCH("/monitors/{id}", {
    ...path,
    body: { name: "Renamed", interval_secs: 120 },
  });
  expect(patched.data).toMatchObject({
    name: "Renamed",
    interval_secs: 120,
    url: "http://127.0.0.1:9/",
  });
  expect((await api.POST("/monitors/{id}/pause", path)).data).toMatchObject({
    paused: true,
    status: "paused",
    next_check_at: null,
  });
  expect((await api.POST("/monitors/{id}/resume", path)).data).toMatchObject({
    paused: false,
    status: "pending",
  });
  expect(
    (await api.PATCH("/monitors/{id}", { ...path, body: { status: "paused" } })).data,
  ).toMatchObject({ paused: true, status: "paused" });
  const checks = await api.GET("/monitors/{id}/checks", {
    params: { path: { id }, query: { limit: 5000, offset: 0 } },
  });
  expect(checks.response.status).toBe(200);
  expect(checks.data).toHaveProperty("checks");
  const zero = await api.GET("/monitors/{id}/checks", {
    params: { path: { id }, query: { limit: 0 } },
  });
  expect(zero.response.status).toBe(400);

  const bad = await api.POST("/monitors", {
    body: { name: "x", url: "http://127.0.0.1/", interval_secs: 5 },
  });
  expect(bad.response.status).toBe(400);
  expect(bad.error?.error).toMatch(/^interval_secs: /);
  const unknown = await api.POST("/monitors", {
    body: { name: "x", url: "http://127.0.0.1/", colour: "red" } as never,
  });
  expect(unknown.error).toEqual({ error: "unknown or read-only field colour" });
  const notJson = await request.post("/api/v1/monitors", {
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    data: "{oops",
  });
  expect(notJson.status()).toBe(400);

  expect((await api.DELETE("/monitors/{id}", path)).response.status).toBe(204);
  const gone = await api.GET("/monitors/{id}", path);
  expect(gone.response.status).toBe(404);
  expect(gone.error).toEqual({ error: "monitor not found" });

  const openapi = await request.get("/api/v1/openapi.json");
  expect(openapi.status()).toBe(200);
  expect(Object.keys(((await openapi.json()) as { paths: object }).paths)).toContain(
    "/monitors/{id}/checks",
  );
});
