import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { PASSWORD, keepScreenshot, uniqueEmail } from "./fixtures";

// Its own Vigil with the default VIGIL_ALLOW_SIGNUP (`first`): the shared server opens sign-up to all.
async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

type Vigil = { proc: ChildProcess; base: string; exited: Promise<number | null> };

async function startVigil(dataDir: string): Promise<Vigil> {
  const port = await freePort();
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) =>
        !/^(DATABASE_URL|VIGIL_|NEXTAUTH_|AUTH_|INNGEST_|GITHUB_CLIENT_|PORT$|HOST$)/.test(k),
    ),
  );
  const proc = spawn(process.execPath, ["bin/start.mjs"], {
    env: {
      ...env,
      PORT: String(port),
      HOST: "127.0.0.1",
      VIGIL_DATA_DIR: dataDir,
      NEXT_TELEMETRY_DISABLED: "1",
      LOG_LEVEL: "warn",
    } as unknown as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  proc.stdout?.on("data", (d: Buffer) => (out += d.toString()));
  proc.stderr?.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => proc.on("exit", (code) => resolve(code)));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 480; i++) {
    if (proc.exitCode !== null) throw new Error(`server exited: ${out}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return { proc, base, exited };
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not come up: ${out}`);
}

async function openSignUp(browser: Browser, base: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: base });
  const page = await context.newPage();
  await page.goto("/sign-up");
  return page;
}

async function fillSignUp(page: Page, email: string) {
  await page.getByLabel("Name").fill("First Operator");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByLabel("Confirm password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
}

test("the first account signs up and owns the instance; after it, sign-up says it is closed", async ({
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-first-"));
  const vigil = await startVigil(dataDir);
  try {
    const first = await openSignUp(browser, vigil.base);
    // A second visitor who opened the form while it was still open.
    const late = await openSignUp(browser, vigil.base);
    await expect(late.getByRole("heading", { name: "Create your account" })).toBeVisible();

    await fillSignUp(first, uniqueEmail("owner"));
    await expect(first).toHaveURL(/\/dashboard/, { timeout: 20_000 });

    await fillSignUp(late, uniqueEmail("late"));
    await expect(
      late.getByRole("alert").filter({ hasText: "Sign-up is closed on this Vigil." }),
    ).toHaveText("Sign-up is closed on this Vigil. Ask its operator for an account.");
    await expect(late).toHaveURL(/\/sign-up/);

    const fresh = await openSignUp(browser, vigil.base);
    await expect(fresh.getByRole("heading", { name: "Sign-up is closed" })).toBeVisible();
    await expect(fresh.getByText("Ask its operator for an account.")).toBeVisible();
    await expect(fresh.getByRole("button", { name: "Create account" })).toHaveCount(0);
    await keepScreenshot(fresh, testInfo, "sign-up-closed");

    await fresh.goto("/sign-in");
    await expect(fresh.getByRole("link", { name: "Create an account" })).toHaveCount(0);
    await expect(
      fresh.getByText("Accounts on this Vigil are created by its operator."),
    ).toBeVisible();
  } finally {
    vigil.proc.kill("SIGTERM");
    await vigil.exited;
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
