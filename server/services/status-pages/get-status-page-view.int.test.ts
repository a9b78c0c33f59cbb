import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { flips, incidents, monitors } from "@/db/schema";
import { createTestDatabase, testDbKind, type TestDatabase } from "@/db/testing/test-database";
import { makeUser } from "@/db/testing/factories";
import { makeMonitor } from "@/db/testing/make-monitor";
import { makeHeartbeat } from "@/db/testing/make-heartbeat";
import type { WorkspaceCtx } from "@/server/services/context";
import { createStatusPage } from "@/server/services/status-pages/create-status-page";
import { getStatusPageView } from "@/server/services/status-pages/get-status-page-view";
import { loadBarHistory, withoutKeptDays } from "@/server/services/status-pages/bar-history";
import { firstBarDay } from "@/server/domain/status-pages/daily-uptime";
import { BAR_DAYS } from "@/server/domain/status-pages/page-view";
import { setPageSubjects } from "@/server/services/status-pages/set-page-subjects";
import type { MonitorStatus } from "@/server/domain/monitors/monitor-state";
import { decodeDayIncidents, decodeDays } from "@/server/domain/status-pages/page-view";
import { createStatusPageInput } from "@/server/services/status-pages/status-page-settings";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const now = new Date("2026-11-26T12:00:00.000Z");
const today = Date.parse("2026-11-26T00:00:00.000Z");

describe(`status page view on ${testDbKind()}`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  async function workspace(): Promise<WorkspaceCtx> {
    const { user, workspace } = await makeUser(database.db);
    return {
      db: database.db,
      now: () => now,
      actor: { userId: user.id },
      workspaceId: workspace.id,
    };
  }

  /**
   * Writes flips (and their incidents) after those already written, as a running monitor would,
   * and leaves the monitor in the last state.
   */
  async function history(ctx: WorkspaceCtx, monitorId: string, changes: [number, MonitorStatus][]) {
    const [m] = await database.db.select().from(monitors).where(eq(monitors.id, monitorId));
    let from = m!.status as MonitorStatus;
    for (const [at, to] of changes) {
      const [flip] = await database.db
        .insert(flips)
        .values({
          workspaceId: ctx.workspaceId,
          subjectKind: "monitor",
          monitorId,
          fromStatus: from,
          toStatus: to,
          reason: to === "down" ? "HTTP 503" : null,
          at: new Date(at),
        })
        .returning();
      if (to === "down")
        await database.db.insert(incidents).values({
          workspaceId: ctx.workspaceId,
          subjectKind: "monitor",
          monitorId,
          openedByFlipId: flip!.id,
          cause: "HTTP 503",
          startedAt: new Date(at),
        });
      else
        await database.db
          .update(incidents)
          .set({ resolvedAt: new Date(at), resolvedByFlipId: flip!.id })
          .where(and(eq(incidents.monitorId, monitorId), isNull(incidents.resolvedAt)));
      from = to;
    }
    await database.db
      .update(monitors)
      .set({ status: from, statusChangedAt: new Date(changes.at(-1)![0]) })
      .where(eq(monitors.id, monitorId));
  }

  it("computes 30-day uptime, daily bars and incident days from a known flip history", async () => {
    const ctx = await workspace();
    const api = await makeMonitor(ctx, "http://127.0.0.1:9/", { name: "API" });
    await history(ctx, api.id, [
      [today - 10 * DAY, "up"],
      [today - 2 * DAY + 12 * HOUR, "down"],
      [today - 2 * DAY + 18 * HOUR, "up"],
      [today + 6 * HOUR, "down"],
    ]);
    const page = await createStatusPage({
      ctx,
      input: createStatusPageInput.parse({ slug: `hist-${Date.now()}`, title: "Hist" }),
    });
    const view = await getStatusPageView(database.db, page, { now, baseUrl: "http://x" });

    expect(view.firstDay).toBe(new Date(today - 89 * DAY).toISOString());
    const [service] = view.services;
    const days = decodeDays(service!.days);
    expect(days).toHaveLength(90);
    expect(service).toMatchObject({ name: "API", status: "major_outage", state: "down" });
    // Monitored from 10 days ago to now (252 h), down 6 h two days ago and 6 h today.
    expect(service!.uptime30d).toBeCloseTo(1 - 12 / 252, 12);
    expect(days.slice(0, 79).every((d) => d === null)).toBe(true);
    expect(days[79]).toBe(10_000); // the day it started, whole day up
    expect(days[87]).toBe(7_500); // 6 h of 24 down
    expect(days[88]).toBe(10_000);
    expect(days[89]).toBe(5_000); // today: 6 h of 12 so far
    expect(decodeDayIncidents(service!.incidentDays)).toEqual([
      [87, 1],
      [89, 1],
    ]);
    expect(view.incidents.map((i) => [i.title, i.resolvedAt === null])).toEqual([
      ["API is down", true],
      ["API was down", false],
    ]);
    expect(view.overall).toEqual({ indicator: "critical", description: "Major outage" });
  });

  it("counts every incident per day and keeps old open incidents however many recent ones there are", async () => {
    const ctx = await workspace();
    const flappy = await makeMonitor(ctx, "http://127.0.0.1:9/", { name: "Flappy" });
    const steady = await makeMonitor(ctx, "http://127.0.0.1:9/", { name: "Steady" });
    await history(ctx, steady.id, [
      [today - 20 * DAY, "up"],
      [today - 20 * DAY + HOUR, "down"],
    ]);
    const changes: [number, MonitorStatus][] = [[today - 5 * DAY, "up"]];
    for (let i = 0; i < 40; i++) {
      changes.push([today - 2 * DAY + i * 60_000 * 10, "down"]);
      changes.push([today - 2 * DAY + i * 60_000 * 10 + 60_000, "up"]);
    }
    await history(ctx, flappy.id, changes);
    const page = await createStatusPage({
      ctx,
      input: createStatusPageInput.parse({ slug: `flap-${Date.now()}`, title: "F" }),
    });
    const view = await getStatusPageView(database.db, page, { now, baseUrl: "http://x" });
    const flap = view.services.find((s) => s.name === "Flappy")!;
    expect(flap.incidentDays).toBe("87:40");
    const old = view.services.find((s) => s.name === "Steady")!;
    // Open since 20 days ago: every day from then to today has it.
    expect(decodeDayIncidents(old.incidentDays)).toHaveLength(21);
    expect(decodeDayIncidents(old.incidentDays)[0]).toEqual([69, 1]);
    expect(view.incidents[0]).toMatchObject({ title: "Steady is down", resolvedAt: null });
    expect(view.incidents.filter((i) => i.resolvedAt !== null)).toHaveLength(20);
  });

  it("never shows any downtime as a full 100% day", async () => {
    const ctx = await workspace();
    const m = await makeMonitor(ctx, "http://127.0.0.1:9/", { name: "Blip" });
    await history(ctx, m.id, [
      [today - 3 * DAY, "up"],
      [today - DAY + HOUR, "down"],
      [today - DAY + HOUR + 1000, "up"],
    ]);
    const page = await createStatusPage({
      ctx,
      input: createStatusPageInput.parse({ slug: `blip-${Date.now()}`, title: "Blip" }),
    });
    const view = await getStatusPageView(database.db, page, { now, baseUrl: "http://x" });
    expect(decodeDays(view.services[0]!.days)[88]).toBe(9_999);
    expect(view.services[0]!.uptime30d).toBeLessThan(1);
  });

  it("shows every subject of the workspace unless hidden, in the chosen order, and leaves pending monitors out", async () => {
    const ctx = await workspace();
    const other = await workspace();
    const zeta = await makeMonitor(ctx, "http://127.0.0.1:9/", { name: "Zeta" });
    const alpha = await makeMonitor(ctx, "http://127.0.0.1:9/", { name: "alpha" });
    const secret = await makeMonitor(ctx, "http://127.0.0.1:9/", { name: "Internal admin" });
    await makeMonitor(ctx, "http://127.0.0.1:9/", { name: "Not checked yet" });
    await makeMonitor(other, "http://127.0.0.1:9/", { name: "Someone else's" });
    for (const m of [zeta, alpha, secret]) await history(ctx, m.id, [[today, "up"]]);
    const backup = await makeHeartbeat(ctx, { name: "Nightly backup" });
    const page = await createStatusPage({
      ctx,
      input: createStatusPageInput.parse({ slug: `order-${Date.now()}`, title: "O" }),
    });

    let view = await getStatusPageView(database.db, page, { now, baseUrl: "http://x" });
    expect(view.services.map((s) => s.name)).toEqual(["alpha", "Internal admin", "Zeta"]);
    expect(view.jobs.map((j) => [j.name, j.status])).toEqual([["Nightly backup", "operational"]]);

    await setPageSubjects({
      ctx,
      input: {
        statusPageId: page.id,
        items: [
          { subjectKind: "monitor", subjectId: zeta.id, hidden: false, position: 0 },
          { subjectKind: "monitor", subjectId: secret.id, hidden: true, position: null },
        ],
      },
    });
    view = await getStatusPageView(database.db, page, { now, baseUrl: "http://x" });
    expect(view.services.map((s) => s.name)).toEqual(["Zeta", "alpha"]);

    // A monitor created later shows up by itself once it has a result.
    const late = await makeMonitor(ctx, "http://127.0.0.1:9/", { name: "Brand new" });
    await history(ctx, late.id, [[today + HOUR, "up"]]);
    view = await getStatusPageView(database.db, page, { now, baseUrl: "http://x" });
    expect(view.services.map((s) => s.name)).toEqual(["Zeta", "alpha", "Brand new"]);
    expect(backup.id).toBe(view.jobs[0]!.id);
  });

  it("refuses to hide or order another workspace's subject", async () => {
    const ctx = await workspace();
    const other = await workspace();
    const theirs = await makeMonitor(other, "http://127.0.0.1:9/");
    const page = await createStatusPage({
      ctx,
      input: createStatusPageInput.parse({ slug: `mine-${Date.now()}`, title: "M" }),
    });
    await expect(
      setPageSubjects({
        ctx,
        input: {
          statusPageId: page.id,
          items: [{ subjectKind: "monitor", subjectId: theirs.id, hidden: true, position: null }],
        },
      }),
    ).rejects.toMatchObject({ code: "BAD_INPUT", details: { field: "items" } });
  });
  it("keeps closed days in memory and shows exactly what a cold read shows, as flips come and days pass", async () => {
    const ctx = await workspace();
    const api = await makeMonitor(ctx, "http://127.0.0.1:9/", { name: "API" });
    const web = await makeMonitor(ctx, "http://127.0.0.1:9/", { name: "Web" });
    await history(ctx, api.id, [
      [today - 95 * DAY, "up"],
      [today - 89 * DAY - HOUR, "down"],
      [today - 88 * DAY, "up"],
      [today - 31 * DAY + 6 * HOUR, "down"],
      [today - 29 * DAY, "up"],
      [today - DAY + 23 * HOUR, "down"],
    ]);
    await history(ctx, web.id, [[today - 3 * DAY, "up"]]);
    const page = await createStatusPage({
      ctx,
      input: createStatusPageInput.parse({ slug: `warm-${Date.now()}`, title: "W" }),
    });
    const figures = (v: Awaited<ReturnType<typeof getStatusPageView>>) =>
      v.services.map((s) => [s.name, s.days, s.incidentDays, s.uptime30d, s.state]);
    const read = (at: Date) =>
      getStatusPageView(database.db, page, { now: at, baseUrl: "http://x" });

    // Fill the memory, then move on as a running monitor would: flips are written as they happen,
    // an outage runs over a midnight, renders come inside the settling margin after midnight, and
    // days pass so the first bar's day moves past old flips.
    await getStatusPageView(database.db, page, { now, baseUrl: "http://x" });
    const d1 = today + DAY;
    const moments: [number, [number, MonitorStatus][]][] = [
      [now.getTime() + 2 * HOUR, [[today + 13 * HOUR, "up"]]],
      [d1 + 5 * 60_000, [[d1 - HOUR, "down"]]],
      [
        d1 + 11 * HOUR,
        [
          [d1 + 9 * HOUR, "up"],
          [d1 + 9 * HOUR + 30 * 60_000, "down"],
          [d1 + 10 * HOUR, "up"],
        ],
      ],
      [
        today + 3 * DAY + 12 * HOUR,
        [
          [today + 3 * DAY + 2 * HOUR, "down"],
          [today + 3 * DAY + 3 * HOUR, "up"],
        ],
      ],
    ];
    for (const [at, steps] of moments) {
      await history(ctx, api.id, steps);
      const cold = figures(await withoutKeptDays(() => read(new Date(at))));
      // The first read may fold newly closed days into memory, the second reads what was folded.
      expect(figures(await read(new Date(at)))).toEqual(cold);
      expect(figures(await read(new Date(at)))).toEqual(cold);
    }
    // Renders that overlap, some each side of a cutoff, leave nothing wrong in memory.
    const d4 = today + 4 * DAY;
    await history(ctx, api.id, [
      [d4 - 2 * HOUR, "down"],
      [d4 - HOUR, "up"],
    ]);
    const around = [d4 + 9 * 60_000, d4 + 11 * 60_000, d4 + 10 * 60_000 + 1, d4 + 5 * 60_000];
    for (let round = 0; round < 3; round++)
      await Promise.all(around.map((at) => read(new Date(at + round * 60_000))));
    const latest = new Date(d4 + 2 * HOUR);
    const cold = figures(await withoutKeptDays(() => read(latest)));
    expect(figures(await read(latest))).toEqual(cold);
    expect(figures(await read(latest))).toEqual(cold);

    const last = decodeDays(
      (
        await getStatusPageView(database.db, page, {
          now: new Date(moments.at(-1)![0]),
          baseUrl: "http://x",
        })
      ).services.find((s) => s.name === "API")!.days,
    );
    expect(last.filter((d) => d !== null && d < 10_000).length).toBeGreaterThan(2);
  });
  it("keeps what a render read its kept days by, even when a later render replaces them meanwhile", async () => {
    const ctx = await workspace();
    const api = await makeMonitor(ctx, "http://127.0.0.1:9/", { name: "API" });
    await history(ctx, api.id, [
      [today - 10 * DAY, "up"],
      [today - 2 * DAY, "down"],
      [today - 2 * DAY + HOUR, "up"],
      [today + 3 * HOUR, "down"],
      [today + 4 * HOUR, "up"],
    ]);
    const at = (ms: number) => ({
      firstDay: firstBarDay(new Date(ms), BAR_DAYS),
      now: new Date(ms),
    });
    // Kept up to today's midnight; then a render a day later is held inside its queries...
    await loadBarHistory(database.db, [api.id], at(today + 12 * HOUR));
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    // Every statement the render sends waits for the gate before it runs.
    const session = database.db._.session;
    const heldSession = new Proxy(session, {
      get(target, key, receiver) {
        if (key !== "prepareQuery") return Reflect.get(target, key, receiver) as unknown;
        return (...args: Parameters<typeof session.prepareQuery>) => {
          const prepared = target.prepareQuery(...args);
          return {
            execute: async (...a: Parameters<typeof prepared.execute>) => {
              await gate;
              return prepared.execute(...a);
            },
          };
        };
      },
    });
    const held = new Proxy(database.db, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver) as unknown;
        if (key === "_") return { ...target._, session: heldSession };
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    const slowAt = today + DAY + 5 * 60_000;
    let slowDone = false;
    const slow = loadBarHistory(held, [api.id], at(slowAt)).finally(() => (slowDone = true));
    // ...while a render two days on folds yesterday and today into memory.
    await loadBarHistory(database.db, [api.id], at(today + 2 * DAY + HOUR));
    expect(slowDone).toBe(false);
    release();
    const cold = await withoutKeptDays(() => loadBarHistory(database.db, [api.id], at(slowAt)));
    expect(await slow).toEqual(cold);
    const later = at(today + 2 * DAY + 2 * HOUR);
    expect(await loadBarHistory(database.db, [api.id], later)).toEqual(
      await withoutKeptDays(() => loadBarHistory(database.db, [api.id], later)),
    );
  });
});
