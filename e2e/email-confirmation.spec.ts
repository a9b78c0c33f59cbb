import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { startSmtp, type TestSmtp } from "@/testing/alerts/start-smtp";
import { keepScreenshot, PASSWORD, uniqueEmail } from "./fixtures";

// The shared server has no SMTP: this spec runs its own Vigil, mailing a real SMTP server on
// loopback, so the confirmation link can be taken from the mail a recipient would get.
async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

type Vigil = { proc: ChildProcess; base: string; dataDir: string; output: () => string };

async function startVigil(smtpUrl: string): Promise<Vigil> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-mail-"));
  const env: Record<string, string | undefined> = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) => !/^(DATABASE_URL|VIGIL_|NEXTAUTH_|AUTH_|INNGEST_|SMTP_|MAIL_|PORT$|HOST$)/.test(k),
    ),
  );
  const proc = spawn(process.execPath, ["bin/start.mjs"], {
    env: {
      ...env,
      PORT: String(port),
      HOST: "127.0.0.1",
      VIGIL_BASE_URL: base,
      VIGIL_DATA_DIR: dataDir,
      SMTP_URL: smtpUrl,
      MAIL_FROM: "Vigil <vigil@example.com>",
      NEXT_TELEMETRY_DISABLED: "1",
      LOG_LEVEL: "warn",
    } as unknown as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  proc.stdout?.on("data", (d: Buffer) => (out += d.toString()));
  proc.stderr?.on("data", (d: Buffer) => (out += d.toString()));
  for (let i = 0; i < 480; i++) {
    if (proc.exitCode !== null) throw new Error(`server exited: ${out}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return { proc, base, dataDir, output: () => out };
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not come up: ${out}`);
}

/** 1440 px and 360 px, light and dark. */
async function shootAll(page: Page, testInfo: TestInfo, name: string) {
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 1440, height: 900 });
    await keepScreenshot(page, testInfo, `${name}-${scheme}`);
    await page.setViewportSize({ width: 360, height: 740 });
    await keepScreenshot(page, testInfo, `${name}-phone-${scheme}`);
  }
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 1280, height: 800 });
}

test.describe("email recipients confirm before they are mailed", () => {
  let smtp: TestSmtp;
  let vigil: Vigil;
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    smtp = await startSmtp();
    vigil = await startVigil(smtp.url);
  });
  test.afterAll(async () => {
    vigil.proc.kill("SIGTERM");
    await new Promise((r) => vigil.proc.once("exit", r));
    fs.rmSync(vigil.dataDir, { recursive: true, force: true });
    await smtp.close();
  });

  test("a new address shows as unconfirmed until its owner confirms from the mailed link", async ({
    page,
  }, testInfo) => {
    test.setTimeout(120_000);
    const base = vigil.base;
    await page.goto(`${base}/sign-up`);
    await page.getByLabel("Name").fill("Ada Lovelace");
    await page.getByLabel("Email").fill(uniqueEmail("owner"));
    await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await page.getByLabel("Confirm password").fill(PASSWORD);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page).toHaveURL(/\/dashboard$/);

    const recipient = uniqueEmail("oncall");
    await page.goto(`${base}/dashboard/alerts`);
    await page.getByLabel("Name").fill("On-call mail");
    await page.getByLabel("Type").selectOption("email");
    await page.getByLabel("Send to").fill(recipient);
    await page.getByRole("button", { name: "Add channel" }).click();
    const row = page.getByTestId("channel-row").filter({ hasText: "On-call mail" });
    await expect(row.locator('[data-status="unconfirmed"]')).toHaveText("Unconfirmed");
    await expect.poll(() => smtp.to(recipient).length).toBe(1);
    const mail = smtp.to(recipient)[0];
    expect(mail?.subject).toBe(`Confirm Vigil alerts for ${recipient}`);
    expect(mail?.raw).toContain("Ada Lovelace");

    await row.getByRole("link", { name: "On-call mail" }).click();
    const recipients = page.getByRole("list", { name: "Recipients" });
    await expect(recipients.getByTestId("recipient")).toHaveText([
      `${recipient}Pending: link sent`,
    ]);
    await page.getByRole("button", { name: "Send test notification" }).click();
    await expect(page.getByTestId("test-result")).toContainText("recipient not confirmed");
    await page.getByRole("button", { name: "Resend confirmation" }).click();
    await expect(
      page.getByText("a confirmation email went out less than 5 minutes ago"),
    ).toBeVisible();
    expect(smtp.to(recipient)).toHaveLength(1);
    await shootAll(page, testInfo, "email-channel-unconfirmed");
    const channelUrl = page.url();

    const token = smtp.tokenFor(recipient) ?? "";
    await page.goto(`${base}/confirm-email/${token}`);
    await expect(page.getByRole("heading", { name: "Confirm email alerts" })).toBeVisible();
    await expect(page.getByText(recipient)).toBeVisible();
    await expect(page.getByText("On-call mail")).toBeVisible();
    await shootAll(page, testInfo, "email-confirm-page");
    // Opening the link (as a mail scanner does) confirmed nothing.
    await page.reload();
    await expect(page.getByRole("button", { name: "Confirm" })).toBeVisible();
    await page.getByRole("button", { name: "Confirm" }).click();
    await expect(page.getByRole("heading", { name: "Address confirmed" })).toBeVisible();
    await shootAll(page, testInfo, "email-confirmed-page");

    await page.goto(`${base}/confirm-email/${"A".repeat(43)}`);
    await expect(page.getByRole("heading", { name: "This link is not valid" })).toBeVisible();
    await keepScreenshot(page, testInfo, "email-confirm-link-not-valid");

    await page.goto(channelUrl);
    await expect(recipients.getByTestId("recipient")).toHaveText([`${recipient}Confirmed`]);
    await expect(page.locator('[data-status="ok"]')).toHaveText("Working");
    await page.getByRole("button", { name: "Send test notification" }).click();
    await expect(page.getByTestId("test-result")).toHaveText("Test notification delivered.");
    await expect.poll(() => smtp.to(recipient).length).toBe(2);
  });
});
