import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { PASSWORD, keepScreenshot, signUp, uniqueEmail } from "./fixtures";
import { E2E_PORT } from "@/playwright.config";
import { createVigilClient } from "@/server/http/api-v1/client/vigil-client";

const run = promisify(execFile);

test("a person creates a heartbeat, pings it, and watches up → running → up → late → missing without reloading", async ({
  page,
  request,
}, testInfo) => {
  test.setTimeout(150_000);
  await signUp(page, uniqueEmail("heartbeats"));
  await expect(page).toHaveURL(/\/dashboard$/);
  await page
    .getByRole("navigation", { name: "Dashboard" })
    .getByRole("link", { name: "Heartbeats" })
    .click();
  await page.getByRole("link", { name: "New heartbeat" }).click();
  await page.getByLabel("Name").fill("nightly-sync");
  await page.getByLabel("Expect a ping every", { exact: true }).fill("1");
  await page.getByLabel("Expect a ping every unit").selectOption({ label: "minutes" });
  await page.getByLabel("Grace period", { exact: true }).fill("10");
  await page.getByLabel("Grace period unit").selectOption({ label: "seconds" });
  await keepScreenshot(page, testInfo, "heartbeat-new");
  await page.getByRole("button", { name: "Create heartbeat" }).click();

  await expect(page).toHaveURL(/\/dashboard\/heartbeats\/[0-9a-f-]{36}$/);
  const status = page.getByTestId("heartbeat-status");
  await expect(status).toHaveText("Waiting for first ping");
  const pingUrl = (await page.getByTestId("ping-url").textContent())?.trim() ?? "";
  const path = new URL(pingUrl).pathname;

  const rid = "0b7e1c2d-3f4a-4b5c-8d6e-7f8091a2b3c4";
  expect((await request.get(`${path}/start?rid=${rid}`)).status()).toBe(200);
  await expect(status).toHaveText("Running");
  await keepScreenshot(page, testInfo, "heartbeat-running");
  expect(
    await (await request.post(`${path}/0?rid=${rid}`, { data: "synced 1,204 rows" })).text(),
  ).toBe("OK");
  await expect(status).toHaveText("Up");
  await expect(page.getByTestId("recent-pings")).toContainText("synced 1,204 rows");
  await expect(page.getByTestId("last-ping")).toHaveText(/just now|\d s ago/);
  await keepScreenshot(page, testInfo, "heartbeat-up");

  await expect(status).toHaveText("Late", { timeout: 75_000 });
  await keepScreenshot(page, testInfo, "heartbeat-late");
  await expect(status).toHaveText("Missing", { timeout: 20_000 });
  await keepScreenshot(page, testInfo, "heartbeat-missing");

  await page.getByRole("link", { name: "Heartbeats" }).first().click();
  await expect(page.getByTestId("heartbeat-row").getByText("Missing")).toBeVisible();
  await keepScreenshot(page, testInfo, "heartbeat-list");
});

test("the REST API creates a heartbeat a script can ping, and round-trips it", async ({
  page,
  request,
  baseURL,
}) => {
  const email = uniqueEmail("hb-api");
  await signUp(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/dashboard$/);
  const { stdout } = await run(
    process.execPath,
    ["bin/vigil.mjs", "apikey:create", "--email", email],
    {
      env: { ...process.env, VIGIL_DATA_DIR: "e2e/.artifacts/data", DATABASE_URL: "" },
    },
  );
  const api = createVigilClient(baseURL ?? "", stdout.trim().split("\n").at(-1) ?? "");

  const created = await api.POST("/heartbeats", {
    body: { name: "nightly-sync", interval_secs: 86400, grace_secs: 3600 },
  });
  expect(created.response.status).toBe(201);
  const hb = created.data;
  if (!hb) throw new Error(`create failed: ${JSON.stringify(created.error)}`);
  expect(hb).toMatchObject({
    name: "nightly-sync",
    interval_secs: 86400,
    grace_secs: 3600,
    schedule: null,
    tz: "UTC",
    max_runtime_secs: null,
    status: "new",
    consecutive_misses: 0,
    last_pinged_at: null,
  });
  for (const field of [
    "id",
    "token",
    "ping_url",
    "next_expected_at",
    "last_duration_ms",
    "created_at",
    "updated_at",
  ])
    expect(hb).toHaveProperty(field);
  expect(hb.ping_url).toBe(`http://127.0.0.1:${E2E_PORT}/ping/${hb.token}`);
  const path = { params: { path: { id: hb.id } } };

  expect(await (await request.get(new URL(hb.ping_url).pathname)).text()).toBe("OK");
  const after = (await api.GET("/heartbeats/{id}", path)).data;
  expect(after?.status).toBe("up");
  expect(Date.parse(after?.next_expected_at ?? "") - Date.parse(after?.last_pinged_at ?? "")).toBe(
    86_400_000,
  );

  const pinged = await api.POST("/heartbeats/{token}/ping", {
    params: { path: { token: hb.token } },
    headers: { authorization: null },
  });
  expect(pinged.data).toEqual({ status: "ok" });
  const pings = await api.GET("/heartbeats/{id}/pings", {
    params: { path: { id: hb.id }, query: { limit: 1 } },
  });
  expect(pings.data?.pings).toHaveLength(1);
  expect(pings.data?.pings[0]).toMatchObject({
    heartbeat_id: hb.id,
    kind: "success",
    exit_status: null,
    truncated: false,
  });

  expect(
    (
      await api.PATCH("/heartbeats/{id}", {
        ...path,
        body: { schedule: "0 3 * * *", tz: "Europe/Berlin" },
      })
    ).data,
  ).toMatchObject({
    schedule: "0 3 * * *",
    interval_secs: null,
    tz: "Europe/Berlin",
  });
  expect((await api.POST("/heartbeats/{id}/pause", path)).data).toMatchObject({
    status: "paused",
  });
  expect((await api.POST("/heartbeats/{id}/resume", path)).data).toMatchObject({ status: "up" });
  expect(
    (await api.PATCH("/heartbeats/{id}", { ...path, body: { status: "paused" } })).data,
  ).toMatchObject({ status: "paused", paused: true });
  expect(
    (await api.PATCH("/heartbeats/{id}", { ...path, body: { status: "active" } })).data,
  ).toMatchObject({ paused: false });

  const bad = await api.POST("/heartbeats", { body: { name: "x", interval_secs: 30 } });
  expect(bad.response.status).toBe(400);
  expect(bad.error?.error).toMatch(/^interval_secs: /);
  const both = await api.POST("/heartbeats", {
    body: { name: "x", interval_secs: 3600, schedule: "0 3 * * *" },
  });
  expect(both.error?.error).toMatch(/^interval_secs: Set either an interval or a cron schedule/);
  const cron = await api.POST("/heartbeats", { body: { name: "x", schedule: "every day" } });
  expect(cron.response.status).toBe(400);
  const zone = await api.POST("/heartbeats", {
    body: { name: "x", schedule: "0 3 * * *", tz: "Mars/Olympus" },
  });
  expect(zone.response.status).toBe(400);

  expect((await api.DELETE("/heartbeats/{id}", path)).response.status).toBe(204);
  const gone = await request.get(new URL(hb.ping_url).pathname);
  expect(gone.status()).toBe(404);
  expect(await gone.text()).toBe("not found");
});
