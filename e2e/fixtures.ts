import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Page, TestInfo } from "@playwright/test";

export const PASSWORD = "Correct-Horse-9";
export const uniqueEmail = (label = "e2e") =>
  `${label}-${randomBytes(4).toString("hex")}@example.com`;

const SHOTS = path.resolve("e2e/.artifacts/screenshots");

/** Keeps a full-page screenshot as a test artifact (attached to the report and under e2e/.artifacts). */
export async function keepScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, `${name}.png`);
  // Transitions jump to their end: a colour scheme switched just before must not show half-way.
  await page.screenshot({ path: file, fullPage: true, animations: "disabled" });
  await testInfo.attach(name, { path: file, contentType: "image/png" });
}

export async function signUp(
  page: Page,
  email: string,
  password = PASSWORD,
  name = "Ada Lovelace",
) {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByLabel("Confirm password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
}

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** A real target on 127.0.0.1 whose health the test switches. */
export async function startTarget() {
  let healthy = true;
  const server = http.createServer((_req, res) => {
    res.writeHead(healthy ? 200 : 503, { "content-type": "text/plain" });
    res.end(healthy ? "all good" : "maintenance");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/health`,
    setHealthy: (value: boolean) => (healthy = value),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
