import { execFile, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import net from "node:net";
import { promisify } from "node:util";
import { expect, test, type Browser, type Page } from "@playwright/test";
import postgres from "postgres";
import { PASSWORD, keepScreenshot, signIn, signUp, uniqueEmail } from "./fixtures";

const live = (page: Page) => page.locator('[data-testid="live-indicator"]:visible');

/** What a signed-out browser gets from tRPC: 401, whatever cookie it still holds. */
const workspaceStatus = async (page: Page) =>
  (await page.request.get("/api/trpc/workspace.current")).status();

async function signedInTwice(browser: Browser) {
  const email = uniqueEmail("sessions");
  const first = await (await browser.newContext()).newPage();
  await signUp(first, email);
  await expect(first).toHaveURL(/\/dashboard$/);
  const second = await (await browser.newContext()).newPage();
  await signIn(second, email);
  await expect(second).toHaveURL(/\/dashboard$/);
  await expect(live(second)).toHaveText("Live");
  return { email, first, second };
}

test("signing out everywhere else ends the other browser's session and its live socket", async ({
  browser,
}, testInfo) => {
  const { first, second } = await signedInTwice(browser);
  await first.goto("/dashboard/settings");
  await expect(first.getByTestId("session-count")).toHaveText(
    "You are signed in on 2 browsers, this one included.",
  );
  await keepScreenshot(first, testInfo, "settings-security");

  await first.getByRole("button", { name: "Sign out everywhere else" }).click();
  await expect(first.getByText("Signed out 1 other session.")).toBeVisible();
  await expect(first.getByTestId("session-count")).toHaveText(
    "You are signed in on this browser only.",
  );

  // The other browser's socket is closed by the server, and its next call is refused.
  await expect(live(second)).toHaveText("Reconnecting…", { timeout: 5_000 });
  expect(await workspaceStatus(second)).toBe(401);
  await second.goto("/dashboard/monitors");
  await expect(second).toHaveURL(/\/sign-in/);

  await first.reload();
  await expect(first.getByTestId("session-count")).toHaveText(
    "You are signed in on this browser only.",
  );
  expect(await workspaceStatus(first)).toBe(200);
  await expect(live(first)).toHaveText("Live");
});

test("signing out ends the session on the server: a copied cookie no longer works", async ({
  browser,
}) => {
  const { first, second } = await signedInTwice(browser);
  const copied = await second.context().cookies();
  expect(copied.some((c) => c.name === "next-auth.session-token")).toBe(true);

  await second.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(second).toHaveURL(/\/sign-in/);

  const replay = await browser.newContext();
  await replay.addCookies(copied);
  const thief = await replay.newPage();
  expect(await workspaceStatus(thief)).toBe(401);
  await thief.goto("/dashboard");
  await expect(thief).toHaveURL(/\/sign-in/);
  expect(await workspaceStatus(first)).toBe(200);
});

test("changing the password keeps this browser signed in and signs the other out", async ({
  browser,
}, testInfo) => {
  const { email, first, second } = await signedInTwice(browser);
  await first.goto("/dashboard/settings");
  const form = first.getByRole("region", { name: "Security" });
  await form.getByLabel("Current password").fill("Not-My-Password-1");
  await form.getByLabel("New password", { exact: true }).fill("A-Fresh-Passphrase-8");
  await form.getByLabel("New password again").fill("A-Fresh-Passphrase-8");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByText("The current password is not right.")).toBeVisible();
  await keepScreenshot(first, testInfo, "settings-change-password-error");
  expect(await workspaceStatus(second)).toBe(200);

  await form.getByLabel("Current password").fill(PASSWORD);
  await form.getByLabel("New password", { exact: true }).fill("A-Fresh-Passphrase-8");
  await form.getByLabel("New password again").fill("A-Fresh-Passphrase-8");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByText("Password changed. 1 other session was signed out.")).toBeVisible();

  await expect(live(second)).toHaveText("Reconnecting…", { timeout: 5_000 });
  expect(await workspaceStatus(second)).toBe(401);
  expect(await workspaceStatus(first)).toBe(200);

  await second.goto("/dashboard");
  await expect(second).toHaveURL(/\/sign-in/);
  await signIn(second, email, "A-Fresh-Passphrase-8");
  await expect(second).toHaveURL(/\/dashboard$/);
});

const run = promisify(execFile);
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const QUIET: Record<string, string> = { NEXT_TELEMETRY_DISABLED: "1", LOG_LEVEL: "warn" };
const cleanEnv = (extra: Record<string, string>) =>
  ({
    ...Object.fromEntries(
      Object.entries(process.env).filter(
        ([k]) => !/^(DATABASE_URL|VIGIL_|NEXTAUTH_|AUTH_|INNGEST_|PORT$|HOST$)/.test(k),
      ),
    ),
    ...QUIET,
    ...extra,
  }) as NodeJS.ProcessEnv;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

async function startVigilOn(databaseUrl: string): Promise<{ proc: ChildProcess; base: string }> {
  const port = await freePort();
  const proc = spawn(process.execPath, ["bin/start.mjs"], {
    env: cleanEnv({ PORT: String(port), HOST: "127.0.0.1", DATABASE_URL: databaseUrl }),
    stdio: "ignore",
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 480; i++) {
    if (proc.exitCode !== null) throw new Error("Vigil exited during start-up");
    if (
      await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { proc, base };
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("Vigil did not come up");
}

test("on PostgreSQL, a CLI password reset signs a running server's browsers out, socket included", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const name = `vigil_e2e_${randomBytes(6).toString("hex")}`;
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const env = cleanEnv({ DATABASE_URL: url.toString() });
  let vigil: { proc: ChildProcess; base: string } | undefined;
  try {
    vigil = await startVigilOn(url.toString());
    const email = uniqueEmail("reset");
    await run(
      process.execPath,
      ["bin/vigil.mjs", "user:create", "--email", email, "--password", PASSWORD],
      { env },
    );
    const page = await (await browser.newContext({ baseURL: vigil.base })).newPage();
    await signIn(page, email);
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(live(page)).toHaveText("Live");

    // The CLI opens PostgreSQL itself, apart from the server: only its NOTIFY reaches the server.
    await run(
      process.execPath,
      [
        "bin/vigil.mjs",
        "user:reset-password",
        "--email",
        email,
        "--password",
        "Operator-Set-Phrase-3",
      ],
      { env },
    );
    await expect(live(page)).toHaveText("Reconnecting…", { timeout: 5_000 });
    expect(await workspaceStatus(page)).toBe(401);
  } finally {
    vigil?.proc.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 1_000));
    vigil?.proc.kill("SIGKILL");
    await admin.unsafe(`drop database if exists ${name} with (force)`).catch(() => {});
    await admin.end();
  }
});
