import { expect, test } from "@playwright/test";
import { PASSWORD, keepScreenshot, signUp, startTarget, uniqueEmail } from "./fixtures";
import { apiClientFor, dataOf } from "./support/api-client";
import { startWebhookReceiver } from "./support/webhook-receiver";

const WINDOW_MS = 25_000;

type HookBody = {
  event: string;
  title: string;
  text: string;
  subject: { id: string; status: string } | null;
  flips: { id: string; alert: string; to: string; at: string }[];
};

test("an outage that begins inside a maintenance window alerts no one until the window ends, then exactly once; the anonymous page follows live", async ({
  page,
  browser,
  baseURL,
}, testInfo) => {
  // About a minute of it is the window itself; the rest is headroom for a loaded machine.
  test.setTimeout(120_000);
  const target = await startTarget();
  const receiver = await startWebhookReceiver();
  try {
    const email = uniqueEmail("maint-alerts");
    await signUp(page, email, PASSWORD);
    await expect(page).toHaveURL(/\/dashboard$/);
    const api = await apiClientFor(baseURL, email);
    const channel = dataOf(
      await api.POST("/channels", {
        body: { name: "Ops webhook", kind: "webhook", url: receiver.url, is_default: true },
      }),
    );
    const slug = `maint-${Date.now().toString(36)}`;
    dataOf(
      await api.POST("/status-pages", { body: { slug, title: "Acme", visibility: "public" } }),
    );
    const monitor = dataOf(
      await api.POST("/monitors", {
        body: {
          name: "Checkout API",
          url: target.url,
          interval_secs: 10,
          retry_interval_secs: 10,
          timeout_secs: 2,
          confirmations: 1,
        },
      }),
    );
    // The default channel is what routes this monitor's alerts to the receiver.
    expect(monitor.channel_ids).toEqual([channel.id]);
    const statusOf = async () =>
      dataOf(await api.GET("/monitors/{id}", { params: { path: { id: monitor.id } } })).status;
    await expect.poll(statusOf, { timeout: 15_000 }).toBe("up");

    const visitor = await browser.newContext();
    const view = await visitor.newPage();
    await view.goto(`/status/${slug}`);
    await expect(view.getByTestId("live-indicator")).toHaveText("Live");
    const row = view.getByTestId("service").filter({ hasText: "Checkout API" });
    await expect(row.getByTestId("service-status")).toHaveText("Operational");
    await view.evaluate(() => ((window as unknown as { sameTab: boolean }).sameTab = true));

    // The window starts now and the target fails with it: the outage begins inside the window.
    const startsAt = new Date();
    const endsAt = new Date(startsAt.getTime() + WINDOW_MS);
    dataOf(
      await api.POST("/maintenances", {
        body: {
          title: "Database upgrade",
          body: "Upgrading PostgreSQL.",
          subjects: [{ kind: "monitor", id: monitor.id }],
          starts_at: startsAt.toISOString(),
          ends_at: endsAt.toISOString(),
        },
      }),
    );
    target.setHealthy(false);
    await expect(row.getByTestId("service-status")).toHaveText("Under maintenance");
    await expect(row).toHaveAttribute("data-status", "under_maintenance");

    // Checks go on and the flip is recorded, while the page keeps saying maintenance.
    await expect.poll(statusOf, { timeout: 15_000 }).toBe("down");
    expect(Date.now()).toBeLessThan(endsAt.getTime());
    await expect(row.getByTestId("service-status")).toHaveText("Under maintenance");
    // Planned work is the page's only news: the banner says so, neither all-clear nor outage.
    await expect(view.getByTestId("overall-status")).toContainText("Maintenance in progress");
    await keepScreenshot(view, testInfo, "maintenance-alerts-in-window");

    // The window ends with the target still failing: the outage shows, and one alert goes out.
    await expect(row.getByTestId("service-status")).toHaveText("Major outage", {
      timeout: WINDOW_MS + 10_000,
    });
    await expect(row).toHaveAttribute("data-status", "major_outage");
    await expect(view.getByTestId("overall-status")).toContainText("Major outage");
    await expect.poll(() => receiver.hits.length, { timeout: 10_000 }).toBe(1);
    const hit = receiver.hits[0]!;
    // Nothing reached the receiver while the window ran.
    expect(hit.at.getTime()).toBeGreaterThanOrEqual(endsAt.getTime());
    const message = JSON.parse(hit.body) as HookBody;
    expect(message.event).toBe("alert");
    expect(message.title).toBe("Checkout API is DOWN");
    expect(message.text).toContain("still down after maintenance ended");
    expect(message.subject).toMatchObject({ id: monitor.id, status: "down" });
    const flip = message.flips.at(-1)!;
    expect(flip).toMatchObject({ alert: "down", to: "down" });
    expect(new Date(flip.at).getTime()).toBeGreaterThanOrEqual(startsAt.getTime());
    expect(new Date(flip.at).getTime()).toBeLessThan(endsAt.getTime());

    // A person posts an update on the incident the flip opened; the same tab shows it.
    const { incidents } = dataOf(
      await api.GET("/incidents", { params: { query: { status: "open" } } }),
    );
    const opened = incidents.find((i) => i.subjects.some((s) => s.id === monitor.id));
    expect(opened?.automatic).toBe(true);
    dataOf(
      await api.POST("/incidents/{id}/updates", {
        params: { path: { id: opened!.id } },
        body: { status: "investigating", body: "The upgrade left the pool misconfigured." },
      }),
    );
    const update = view.getByTestId("incident-update").first();
    await expect(update).toContainText("The upgrade left the pool misconfigured.");
    await expect(update).toContainText("Investigating");
    expect(await view.evaluate(() => (window as unknown as { sameTab?: boolean }).sameTab)).toBe(
      true,
    );
    await keepScreenshot(view, testInfo, "maintenance-alerts-after-window");

    // Still exactly one message: the release is not repeated by a later wake-up or check.
    await view.waitForTimeout(5_000);
    expect(receiver.hits).toHaveLength(1);
    await visitor.close();
  } finally {
    await target.close();
    await receiver.close();
  }
});
