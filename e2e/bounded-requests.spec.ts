import { execFile } from "node:child_process";
import net from "node:net";
import type { AddressInfo } from "node:net";
import { promisify } from "node:util";
import { expect, test, type Page } from "@playwright/test";
import { PASSWORD, signUp, uniqueEmail } from "./fixtures";

const run = promisify(execFile);

async function apiKeyFor(page: Page, email: string) {
  await signUp(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/dashboard$/);
  const { stdout } = await run(
    process.execPath,
    ["bin/vigil.mjs", "apikey:create", "--email", email],
    { env: { ...process.env, VIGIL_DATA_DIR: "e2e/.artifacts/data", DATABASE_URL: "" } },
  );
  return { authorization: `Bearer ${stdout.trim().split("\n").at(-1)}` };
}

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

test("a 3 MiB body is refused with 413 before sign-in, tRPC or REST reads it", async ({
  request,
}) => {
  const body = Buffer.alloc(3 * 1024 * 1024, 0x61);
  for (const [path, type] of [
    ["/api/v1/monitors", "application/json"],
    ["/api/trpc/account.signUp", "application/json"],
    ["/api/auth/callback/credentials", "application/x-www-form-urlencoded"],
  ]) {
    const res = await request.post(path!, { data: body, headers: { "content-type": type! } });
    expect(res.status(), path).toBe(413);
    expect(await res.json()).toEqual({ error: "request body too large (limit 1 MiB)" });
  }
  // The server still answers afterwards.
  expect((await request.get("/api/health")).status()).toBe(200);
});

test("a tRPC batch of more than 20 calls is a 400", async ({ request }) => {
  const paths = Array.from({ length: 21 }, () => "workspace.current").join(",");
  const res = await request.get(`/api/trpc/${paths}?batch=1&input=%7B%7D`);
  expect(res.status()).toBe(400);
  expect(await res.text()).toContain("Batch call exceeds maximum size");
});

test("a public page says a service's connection was refused, never where it points", async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  const auth = await apiKeyFor(page, uniqueEmail("honest"));
  const port = await closedPort();
  const monitor = await request.post("/api/v1/monitors", {
    headers: auth,
    data: {
      name: "Billing DB proxy",
      url: `http://127.0.0.1:${port}/health`,
      interval_secs: 10,
      retry_interval_secs: 10,
      confirmations: 1,
      timeout_secs: 2,
    },
  });
  expect(monitor.status()).toBe(201);
  const { id } = (await monitor.json()) as { id: string };
  await expect
    .poll(
      async () =>
        (
          (await (await request.get(`/api/v1/monitors/${id}`, { headers: auth })).json()) as {
            status: string;
          }
        ).status,
      { timeout: 40_000 },
    )
    .toBe("down");
  const slug = `honest-${Date.now().toString(36)}`;
  const created = await request.post("/api/v1/status-pages", {
    headers: auth,
    data: { slug, title: "Billing Status", visibility: "public" },
  });
  expect(created.status()).toBe(201);

  for (const path of ["", "/api/v2/summary.json", "/api/v2/incidents.json"]) {
    const text = await (await request.get(`/status/${slug}${path}`)).text();
    expect(text, path).toContain("Not reachable");
    // The page's own URL names this test server (127.0.0.1:3123); the target's address never shows.
    expect(text, path).not.toContain(`127.0.0.1:${port}`);
    expect(text, path).not.toMatch(new RegExp(`\\b${port}\\b`));
  }
  const visitor = await page.context().browser()!.newContext();
  const view = await visitor.newPage();
  await view.goto(`/status/${slug}`);
  await expect(view.getByTestId("incident").first()).toContainText("Not reachable");
  await visitor.close();
});
