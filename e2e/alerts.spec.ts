import { createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { keepScreenshot, signUp, uniqueEmail } from "./fixtures";

type Hit = { path: string; body: string; headers: http.IncomingHttpHeaders };

/** A webhook receiver on 127.0.0.1 that records what it is sent. */
async function startReceiver() {
  const hits: Hit[] = [];
  let status = 200;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      hits.push({
        path: req.url ?? "",
        body: Buffer.concat(chunks).toString(),
        headers: req.headers,
      });
      res.writeHead(status).end(status === 200 ? "ok" : "webhook disabled by admin");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    hits,
    refuse: () => (status = 410),
    accept: () => (status = 200),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Desktop and 360 px phone, light and dark, of the page as it is now. */
async function shootAllWays(page: Page, testInfo: TestInfo, name: string) {
  const url = page.url();
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 1280, height: 800 });
    await keepScreenshot(page, testInfo, `${name}-desktop-${scheme}`);
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(url);
    await page.waitForLoadState("networkidle");
    await keepScreenshot(page, testInfo, `${name}-phone-${scheme}`);
  }
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(url);
}

test("a person adds a webhook channel, sends a test notification and sees it delivered in the log", async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const receiver = await startReceiver();
  try {
    await signUp(page, uniqueEmail("alerts"));
    await expect(page).toHaveURL(/\/dashboard$/);
    await page
      .getByRole("navigation", { name: "Dashboard" })
      .getByRole("link", { name: "Alerts" })
      .click();
    await expect(page.getByRole("heading", { name: "Alerts" })).toBeVisible();
    await expect(page.getByText("No channels yet")).toBeVisible();

    await page.getByLabel("Name").fill("Ops webhook");
    await page.getByLabel("Webhook URL").fill(receiver.url);
    await keepScreenshot(page, testInfo, "alerts-add-channel");
    await page.getByRole("button", { name: "Add channel" }).click();

    const secret = (await page.getByTestId("channel-secret").textContent())?.trim() ?? "";
    expect(secret).toMatch(/^whsec_/);
    await expect(page.getByTestId("channel-row")).toHaveCount(1);
    await shootAllWays(page, testInfo, "alerts-page");

    await page.getByRole("link", { name: "Ops webhook" }).click();
    await expect(page).toHaveURL(/\/dashboard\/alerts\/[0-9a-f-]{36}$/);
    await page.getByRole("button", { name: "Send test notification" }).click();
    await expect(page.getByTestId("test-result")).toHaveText("Test notification delivered.");
    const entry = page.getByTestId("alert-log-entry").first();
    await expect(entry).toContainText("Test notification from Vigil to Ops webhook");
    await expect(entry).toContainText("Delivered");
    await expect(entry).toContainText("1 attempt");

    expect(receiver.hits).toHaveLength(1);
    const hit = receiver.hits[0];
    const signature = `sha256=${createHmac("sha256", secret)
      .update(hit?.body ?? "")
      .digest("hex")}`;
    expect(hit?.headers["x-vigil-signature-256"]).toBe(signature);

    // A receiver that refuses: the error it gave is shown at once and logged.
    receiver.refuse();
    await page.getByRole("button", { name: "Send test notification" }).click();
    await expect(page.getByTestId("test-result")).toHaveText(
      "Not delivered: HTTP 410: webhook disabled by admin",
    );
    await expect(page.getByTestId("alert-log-entry").first()).toContainText("Failed");
    await shootAllWays(page, testInfo, "alerts-channel");

    // Editing keeps the channel (its secret, log and subjects): a bad URL is a form error, then
    // a new name, URL and header take effect on the next notification.
    receiver.accept();
    await page.getByRole("button", { name: "Edit" }).click();
    const edit = page.getByRole("form", { name: "Channel settings" });
    await expect(edit.getByLabel("Name")).toHaveValue("Ops webhook");
    await expect(edit.getByLabel("Name")).toBeFocused();
    await expect(edit.getByLabel("New webhook URL")).toHaveValue("");
    await edit.getByLabel("Name").fill("Ops webhook (primary)");
    await edit.getByLabel("New webhook URL").fill("ftp://example.com/hook");
    await edit.getByRole("button", { name: "Save changes" }).click();
    await expect(edit.getByLabel("New webhook URL")).toBeFocused();
    await expect(edit.getByLabel("New webhook URL")).toHaveAccessibleDescription(
      "URL must start with http:// or https://.",
    );
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ops webhook");
    await edit.getByLabel("New webhook URL").fill(`${receiver.url}?v=2`);
    await expect(edit.getByText("URL must start with http:// or https://.")).toHaveCount(0);
    await edit.getByLabel("Replace extra headers").fill("X-Team: ops");
    await keepScreenshot(page, testInfo, "alerts-channel-edit");
    await page.setViewportSize({ width: 360, height: 740 });
    await page.emulateMedia({ colorScheme: "dark" });
    await keepScreenshot(page, testInfo, "alerts-channel-edit-phone-dark");
    await page.emulateMedia({ colorScheme: "light" });
    await page.setViewportSize({ width: 1280, height: 800 });
    await edit.getByRole("button", { name: "Save changes" }).click();
    await expect(edit).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Edit" })).toBeFocused();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ops webhook (primary)");
    await expect(page.getByText("headers: X-Team")).toBeVisible();
    await page.getByRole("button", { name: "Send test notification" }).click();
    await expect(page.getByTestId("test-result")).toHaveText("Test notification delivered.");
    const edited = receiver.hits.at(-1);
    expect(edited?.path).toBe("/hook?v=2");
    expect(edited?.headers["x-team"]).toBe("ops");
    expect(edited?.headers["x-vigil-signature-256"]).toBe(
      `sha256=${createHmac("sha256", secret)
        .update(edited?.body ?? "")
        .digest("hex")}`,
    );
    // The log from before the edit is still there.
    await expect(page.getByTestId("alert-log-entry")).toHaveCount(3);

    // A rename alone keeps the URL and the headers; the remove box then drops the headers.
    const sendTest = async () => {
      const before = receiver.hits.length;
      await page.getByRole("button", { name: "Send test notification" }).click();
      await expect(page.getByTestId("test-result")).toHaveText("Test notification delivered.");
      await expect.poll(() => receiver.hits.length).toBe(before + 1);
      return receiver.hits.at(-1);
    };
    await page.getByRole("button", { name: "Edit" }).click();
    await edit.getByLabel("Name").fill("Ops webhook");
    await edit.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ops webhook");
    const renamed = await sendTest();
    expect(renamed?.path).toBe("/hook?v=2");
    expect(renamed?.headers["x-team"]).toBe("ops");
    await page.getByRole("button", { name: "Edit" }).click();
    await edit.getByLabel("Remove the extra headers").check();
    await edit.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByText("headers: X-Team")).toHaveCount(0);
    const bare = await sendTest();
    expect(bare?.path).toBe("/hook?v=2");
    expect(bare?.headers["x-team"]).toBeUndefined();

    // New monitors alert the default channel: the form shows it chosen.
    await page.goto("/dashboard/monitors/new");
    await expect(page.getByRole("checkbox", { name: /Ops webhook/ })).toBeChecked();
    await expect(page.getByRole("checkbox", { name: "When it goes down" })).toBeChecked();
    await page.getByRole("group", { name: "Alerts" }).scrollIntoViewIfNeeded();
    await keepScreenshot(page, testInfo, "monitor-new-alerts");
  } finally {
    await receiver.close();
  }
});
