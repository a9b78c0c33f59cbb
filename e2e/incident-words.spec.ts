import { expect, test, type Browser, type Page } from "@playwright/test";
import { PASSWORD, keepScreenshot, signUp, startTarget, uniqueEmail } from "./fixtures";
import { apiClientFor, dataOf } from "./support/api-client";

const SHOTS = "/tmp/shots/incident-words";

/** A signed-up person with a typed API client, a monitor on a live loopback target and a public page. */
async function signedUpWithPage(page: Page, baseURL: string | undefined, targetUrl: string) {
  const email = uniqueEmail("incident-words");
  await signUp(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/dashboard$/);
  const api = await apiClientFor(baseURL, email);
  const monitor = dataOf(
    await api.POST("/monitors", {
      body: { name: "Checkout API", url: targetUrl, interval_secs: 60, timeout_secs: 2 },
    }),
  );
  const slug = `incident-words-${Date.now().toString(36)}`;
  const statusPage = dataOf(
    await api.POST("/status-pages", { body: { slug, title: "Acme Status", visibility: "public" } }),
  );
  page.on("dialog", (dialog) => void dialog.accept());
  return { api, monitor, slug, statusPage };
}

/** An anonymous tab on the public page, live; `sameTab` proves later checks ran without a reload. */
async function anonymousView(browser: Browser, slug: string) {
  const visitor = await browser.newContext();
  const view = await visitor.newPage();
  await view.goto(`/status/${slug}`);
  await expect(view.getByTestId("live-indicator")).toHaveText("Live");
  await view.evaluate(() => ((window as unknown as { sameTab: boolean }).sameTab = true));
  const stillSameTab = async () =>
    expect(await view.evaluate(() => (window as unknown as { sameTab?: boolean }).sameTab)).toBe(
      true,
    );
  return { visitor, view, stillSameTab };
}

/** Screenshots at a phone's and a desktop's width, light and dark, none wider than the window. */
async function shootAll(page: Page, name: string) {
  for (const width of [360, 1440])
    for (const colorScheme of ["light", "dark"] as const) {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme });
      await page.screenshot({
        path: `${SHOTS}/${name}-${width}-${colorScheme}.png`,
        fullPage: true,
        animations: "disabled",
      });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        width,
      );
    }
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.emulateMedia({ colorScheme: "light" });
}

test("an update's text is edited and deleted, and a postmortem written, in the dashboard; an anonymous tab follows without a reload", async ({
  page,
  browser,
  baseURL,
}, testInfo) => {
  test.setTimeout(120_000);
  const target = await startTarget();
  try {
    const { api, monitor, slug } = await signedUpWithPage(page, baseURL, target.url);
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
    const { visitor, view, stillSameTab } = await anonymousView(browser, slug);
    const publicUpdates = view.getByTestId("incident-update");
    await expect(publicUpdates).toHaveCount(1);

    await page.goto(`/dashboard/incidents/${incident.id}`);
    await expect(
      page.getByText("A postmortem can be added once the incident is resolved"),
    ).toBeVisible();
    const post = page.getByRole("form", { name: "Post an update" });
    await post.getByLabel("Status").selectOption("identified");
    await post.getByLabel("Message").fill("A stuck queue in the payment worker.");
    await post.getByRole("button", { name: "Post update" }).click();
    const updates = page.getByTestId("dashboard-update");
    await expect(updates).toHaveCount(2);
    await expect(publicUpdates).toHaveCount(2, { timeout: 15_000 });

    await updates.first().getByRole("button", { name: "Edit" }).click();
    const edit = page.getByRole("form", { name: "Edit this update" });
    await edit.getByLabel("Message").fill("x".repeat(5001));
    await edit.getByRole("button", { name: "Save" }).click();
    await expect(edit.getByText("Message must be at most 5,000 characters.")).toBeVisible();
    await edit.getByLabel("Message").fill("A stuck queue.\nThe fix is rolling out.");
    await edit.getByRole("button", { name: "Save" }).click();
    await expect(edit).toHaveCount(0);
    await expect(updates.first()).toContainText("The fix is rolling out.");
    await expect(updates.first().getByTestId("edited")).toContainText("edited");
    await expect(publicUpdates.first()).toContainText("The fix is rolling out.", {
      timeout: 15_000,
    });
    await expect(publicUpdates.first()).toContainText("edited");
    await expect(publicUpdates.first()).not.toContainText("payment worker");

    await updates.last().getByRole("button", { name: "Delete" }).click();
    await expect(updates).toHaveCount(1);
    await expect(publicUpdates).toHaveCount(1, { timeout: 15_000 });
    await expect(view.getByText("Looking into it.")).toHaveCount(0);

    await post.getByLabel("Status").selectOption("resolved");
    await post.getByLabel("Message").fill("Payments are fast again.");
    await post.getByRole("button", { name: "Post update" }).click();
    const postmortem = page.getByRole("form", { name: "Postmortem" });
    await postmortem
      .getByLabel("Postmortem")
      .fill("What happened:\nA queue stopped draining.\nDetails: https://example.com/pm");
    await expect(page.getByTestId("postmortem-preview")).toContainText("A queue stopped draining.");
    await postmortem.getByRole("button", { name: "Save postmortem" }).click();
    await expect(postmortem.getByRole("status")).toHaveText("Saved; the page shows it.");
    const shown = view.getByTestId("postmortem");
    await expect(shown).toContainText("A queue stopped draining.", { timeout: 15_000 });
    await expect(shown.getByRole("link", { name: "https://example.com/pm" })).toBeVisible();
    await stillSameTab();

    await keepScreenshot(page, testInfo, "incident-words-dashboard");
    await shootAll(page, "incident-detail");
    await shootAll(view, "public-incident");

    await postmortem.getByRole("button", { name: "Remove" }).click();
    await expect(view.getByTestId("postmortem")).toHaveCount(0, { timeout: 15_000 });
    await visitor.close();
  } finally {
    await target.close();
  }
});

test("an announcement with an expiry is posted and deleted on the status page's detail; an anonymous tab follows without a reload", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const target = await startTarget();
  try {
    const { slug, statusPage } = await signedUpWithPage(page, baseURL, target.url);
    const { visitor, view, stillSameTab } = await anonymousView(browser, slug);
    await page.goto(`/dashboard/status-pages/${statusPage.id}`);
    const form = page.getByRole("form", { name: "Post an announcement" });
    const localInput = (hours: number) =>
      page.evaluate((h) => {
        const d = new Date(Date.now() + h * 3_600_000);
        d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
        return d.toISOString().slice(0, 16);
      }, hours);

    await form.getByLabel("Message").fill("We are migrating to a new region this week.");
    await form.getByLabel("Stop showing at (optional)").fill(await localInput(-1));
    await form.getByRole("button", { name: "Post announcement" }).click();
    await expect(form.getByText("Expiry date must be in the future.")).toBeVisible();

    await form.getByLabel("Stop showing at (optional)").fill(await localInput(2));
    await form.getByRole("button", { name: "Post announcement" }).click();
    const listed = page.getByTestId("dashboard-announcement");
    await expect(listed).toHaveCount(1);
    await expect(listed).toContainText("Showing");
    await expect(listed).toContainText("until");
    await expect(form.getByLabel("Message")).toHaveValue("");
    const notice = view.getByTestId("announcement");
    await expect(notice).toContainText("migrating to a new region", { timeout: 15_000 });

    await shootAll(page, "status-page-detail");
    await listed.getByRole("button", { name: "Delete this announcement" }).click();
    await expect(listed).toHaveCount(0);
    await expect(notice).toHaveCount(0, { timeout: 15_000 });
    await stillSameTab();
    await visitor.close();
  } finally {
    await target.close();
  }
});
