import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, type APIRequestContext } from "@playwright/test";

const run = promisify(execFile);

export type Seeded = {
  failingMonitorId: string;
  longUrlMonitorId: string;
  heartbeatId: string;
  channelId: string;
  statusPageId: string;
  maintenanceId: string;
  publicSlug: string;
  privateSlug: string;
};

// The longest values the forms accept, unbroken where a browser would otherwise find a break.
const NAME_MAX = 100;
const longName = (prefix: string) => `${prefix}-${"x".repeat(NAME_MAX - prefix.length - 1)}`;
const unbroken = (length: number) =>
  Array.from({ length }, (_, i) => "abcdefghijklmnopqrstuvwxyz0123456789"[i % 36]).join("");

async function apiKeyFor(email: string) {
  const { stdout } = await run(
    process.execPath,
    ["bin/vigil.mjs", "apikey:create", "--email", email],
    { env: { ...process.env, VIGIL_DATA_DIR: "e2e/.artifacts/data", DATABASE_URL: "" } },
  );
  return { authorization: `Bearer ${stdout.trim().split("\n").at(-1)}` };
}

/** A workspace full of hostile content: maximal names, a 2 KB URL, a 10 KB ping body, long errors. */
export async function seedHostileWorkspace(
  request: APIRequestContext,
  email: string,
  targetUrl: string,
): Promise<Seeded> {
  const headers = await apiKeyFor(email);
  const post = async (url: string, data: object, method: "post" | "put" = "post") => {
    const res = await request[method](url, { headers, data });
    expect(res.ok(), `${url}: ${await res.text()}`).toBe(true);
    return (await res.json()) as Record<string, unknown> & { id: string };
  };

  await post("/api/v1/api-keys", { name: longName("deploy-key") });
  const channel = await post("/api/v1/channels", {
    name: longName("ops-webhook"),
    kind: "webhook",
    url: `${targetUrl}/${unbroken(1800)}`,
    headers: { "X-Long-Header": unbroken(3000) },
    is_default: true,
  });
  const failing = await post("/api/v1/monitors", {
    name: longName("checkout"),
    url: targetUrl,
    keyword: unbroken(1000),
    interval_secs: 10,
    confirmations: 1,
  });
  const longUrl = await post("/api/v1/monitors", {
    name: "Long URL",
    url: `${targetUrl}?q=${unbroken(1900)}`,
    headers: { Authorization: `Bearer ${unbroken(2000)}`, "X-Trace": unbroken(600) },
  });
  const heartbeat = await post("/api/v1/heartbeats", {
    name: longName("nightly-backup"),
    interval_secs: 86_400,
  });
  await post("/api/v1/heartbeats", { name: "short", interval_secs: 3600 });
  const pingUrl = new URL(String(heartbeat.ping_url)).pathname;
  expect((await request.post(pingUrl, { data: unbroken(10_000) })).ok()).toBe(true);
  expect((await request.post(`${pingUrl}/fail`, { data: `Error: ${unbroken(4000)}` })).ok()).toBe(
    true,
  );
  await request.post(`/api/v1/channels/${channel.id}/test`, { headers });

  const page = await post("/api/v1/status-pages", {
    slug: `layout-${Date.now().toString(36)}`,
    title: longName("Acme"),
    description: unbroken(1000),
    visibility: "public",
  });
  const hidden = await post("/api/v1/status-pages", {
    slug: `layout-private-${Date.now().toString(36)}`,
    title: longName("Internal"),
    description: `Private ${unbroken(900)}`,
    visibility: "private",
  });
  await post(`/api/v1/status-pages/${page.id}/announcements`, {
    body: `Notice ${unbroken(990)}`,
    expires_at: new Date(Date.now() + 86_400_000).toISOString(),
  });
  for (const id of [page.id, hidden.id])
    await post(
      `/api/v1/status-pages/${id}/items`,
      {
        items: [
          { subject_kind: "monitor", subject_id: failing.id },
          { subject_kind: "monitor", subject_id: longUrl.id },
          { subject_kind: "heartbeat", subject_id: heartbeat.id },
        ],
      },
      "put",
    );

  const maintenance = await post("/api/v1/maintenances", {
    title: unbroken(200),
    body: `Plan ${unbroken(2000)}`,
    subjects: [
      { kind: "monitor", id: failing.id },
      { kind: "heartbeat", id: heartbeat.id },
    ],
    starts_at: new Date(Date.now() + 86_400_000).toISOString(),
    ends_at: new Date(Date.now() + 90_000_000).toISOString(),
  });
  await post(`/api/v1/maintenances/${maintenance.id}/updates`, {
    status: "scheduled",
    body: `Update ${unbroken(3000)}`,
  });

  // The failing check (a 1,000-character keyword that is not there) has happened and flipped.
  await expect
    .poll(
      async () => {
        const res = await request.get(`/api/v1/monitors/${failing.id}`, { headers });
        return ((await res.json()) as { status: string }).status;
      },
      { timeout: 30_000 },
    )
    .toBe("down");

  return {
    failingMonitorId: failing.id,
    longUrlMonitorId: longUrl.id,
    heartbeatId: heartbeat.id,
    channelId: channel.id,
    statusPageId: page.id,
    maintenanceId: maintenance.id,
    publicSlug: String(page.slug),
    privateSlug: String(hidden.slug),
  };
}
