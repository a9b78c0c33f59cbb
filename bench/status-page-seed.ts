import { sql } from "drizzle-orm";
import { flips, heartbeats, incidents, monitors, statusPages } from "@/db/schema";
import type { Db } from "@/db/client";
import { makeUser } from "@/db/testing/factories";
import { generatePingToken } from "@/server/services/heartbeats/heartbeat-token";
import { seedPageWords } from "@/bench/status-page-words-seed";

const DAY = 86_400_000;
const MIN = 60_000;

/**
 * A realistic busy page: 50 services and 20 jobs with 90 days of history (an outage every three
 * days or so per service, each with its incident), nothing due soon so nothing flips by itself;
 * and what people wrote on it (bench/status-page-words-seed.ts).
 */
export async function seedStatusPage(db: Db, now: Date, targetUrl: string) {
  const { user, workspace, email, password } = await makeUser(db);
  const far = new Date(now.getTime() + 7 * DAY);
  const start = new Date(now.getTime() - 95 * DAY);
  const ms = await db
    .insert(monitors)
    .values(
      Array.from({ length: 50 }, (_, i) => ({
        workspaceId: workspace.id,
        name: `Service ${String(i + 1).padStart(2, "0")} — ${["API", "Web", "Payments", "Search", "CDN"][i % 5]}`,
        url: targetUrl,
        intervalSecs: 86_400,
        retryIntervalSecs: 60,
        timeoutSecs: 5,
        status: "up" as const,
        statusChangedAt: start,
        nextCheckAt: far,
      })),
    )
    .returning({ id: monitors.id });
  const hs = await db
    .insert(heartbeats)
    .values(
      Array.from({ length: 20 }, (_, i) => ({
        workspaceId: workspace.id,
        name: `Job ${String(i + 1).padStart(2, "0")} — ${["backup", "billing run", "sync", "report"][i % 4]}`,
        token: generatePingToken(),
        intervalSecs: 86_400 * 7,
        graceSecs: 3600,
        status: "up" as const,
        lastPingedAt: new Date(now.getTime() - 5 * MIN),
        lastSuccessAt: new Date(now.getTime() - 5 * MIN),
        deadline: far,
        alarmAt: far,
      })),
    )
    .returning({ id: heartbeats.id });

  let seed = 42;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  for (const m of ms) {
    const rows = [{ from: "pending", to: "up", at: start }];
    for (
      let t = start.getTime() + random() * 3 * DAY;
      t < now.getTime() - DAY;
      t += (1 + random() * 4) * DAY
    ) {
      rows.push({ from: "up", to: "down", at: new Date(t) });
      rows.push({ from: "down", to: "up", at: new Date(t + (2 + random() * 60) * MIN) });
    }
    const inserted = await db
      .insert(flips)
      .values(
        rows.map((r) => ({
          workspaceId: workspace.id,
          subjectKind: "monitor" as const,
          monitorId: m.id,
          fromStatus: r.from,
          toStatus: r.to,
          reason: r.to === "down" ? "HTTP 503 Service Unavailable" : null,
          at: r.at,
        })),
      )
      .returning({ id: flips.id, to: flips.toStatus, at: flips.at });
    const outages = [];
    for (let i = 1; i + 1 < inserted.length; i += 2)
      outages.push({
        workspaceId: workspace.id,
        subjectKind: "monitor" as const,
        monitorId: m.id,
        openedByFlipId: inserted[i]!.id,
        resolvedByFlipId: inserted[i + 1]!.id,
        cause: "HTTP 503 Service Unavailable",
        startedAt: inserted[i]!.at,
        resolvedAt: inserted[i + 1]!.at,
      });
    if (outages.length) await db.insert(incidents).values(outages);
  }
  const [publicPage] = await db
    .insert(statusPages)
    .values({
      workspaceId: workspace.id,
      slug: `bench-${Date.now().toString(36)}`,
      title: "Bench Co",
      visibility: "public",
    })
    .returning();
  const [privatePage] = await db
    .insert(statusPages)
    .values({
      workspaceId: workspace.id,
      slug: `bench-private-${Date.now().toString(36)}`,
      title: "Bench Co (private)",
      visibility: "private",
    })
    .returning();
  const words = await seedPageWords(
    db,
    workspace.id,
    { monitorIds: ms.map((m) => m.id), heartbeatIds: hs.map((h) => h.id) },
    now,
    start,
  );
  // A database that has held 90 days of history has its planner statistics; a freshly seeded one
  // would not until autovacuum gets to it, and plans (and timings) would be those of empty tables.
  await db.execute(sql`analyze`);
  return {
    user,
    workspace,
    email,
    password,
    words,
    monitorIds: ms.map((m) => m.id),
    heartbeatIds: hs.map((h) => h.id),
    publicPage: publicPage!,
    privatePage: privatePage!,
  };
}
