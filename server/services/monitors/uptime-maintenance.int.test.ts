import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { monitors, type Monitor } from "@/db/schema";
import { createTestDatabase, testDbKind, type TestDatabase } from "@/db/testing/test-database";
import { workspaceWithClock } from "@/db/testing/factories";
import { makeMonitor } from "@/db/testing/make-monitor";
import type { WorkspaceCtx } from "@/server/services/context";
import type { MonitorStatus } from "@/server/domain/monitors/monitor-state";
import { recordMonitorFlip } from "@/server/services/monitors/record-monitor-flip";
import { createMaintenance } from "@/server/services/maintenances/create-maintenance";
import { updateMaintenance } from "@/server/services/maintenances/update-maintenance";
import { noticeMaintenanceBoundaries } from "@/server/services/maintenances/notice-maintenance-boundaries";
import { listMonitorsWithUptime } from "@/server/services/monitors/list-monitors-with-uptime";
import { getMonitorHistory } from "@/server/services/monitors/get-monitor-history";
import { decodeDayIncidents } from "@/server/domain/status-pages/page-view";

const maintenanceSecs = (encoded: string) =>
  decodeDayIncidents(encoded).reduce((sum, [, secs]) => sum + secs, 0);

const HOUR = 3600;
const HOUR_MS = HOUR * 1000;

describe(`dashboard uptime without maintenance on ${testDbKind()}`, () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  async function flip(ctx: WorkspaceCtx, monitor: Monitor, from: MonitorStatus, to: MonitorStatus) {
    await ctx.db.transaction(async (tx) => {
      await tx.update(monitors).set({ status: to }).where(eq(monitors.id, monitor.id));
      await recordMonitorFlip(tx, monitor, { from, to, at: ctx.now() }, null);
    });
  }

  const notice = (ctx: WorkspaceCtx) =>
    noticeMaintenanceBoundaries({
      ctx,
      input: { since: new Date(ctx.now().getTime() - 120_000) },
    });

  /**
   * Two monitors up from the start, both down from hour 1 to hour 3; a one-hour window planned
   * for hours 2–3 over the first only (cancelled before it starts when asked). Read at hour 4.
   */
  async function outageWithWindow({ cancel }: { cancel: boolean }) {
    const { ctx, advance } = await workspaceWithClock(database.db);
    const db = await makeMonitor(ctx, "http://127.0.0.1:9/", { name: "db" });
    const api = await makeMonitor(ctx, "http://127.0.0.1:9/", { name: "api" });
    for (const m of [db, api]) await flip(ctx, m, "pending", "up");
    const at = (h: number) => new Date(ctx.now().getTime() + h * HOUR_MS);
    const planned = await createMaintenance({
      ctx,
      input: {
        title: "DB upgrade",
        subjects: [{ kind: "monitor", id: db.id }],
        startsAt: at(2),
        endsAt: at(3),
      },
    });
    advance(HOUR);
    for (const m of [db, api]) await flip(ctx, m, "up", "down");
    if (cancel)
      await updateMaintenance({ ctx, input: { maintenanceId: planned.id, status: "cancelled" } });
    advance(HOUR);
    await notice(ctx);
    advance(HOUR);
    await notice(ctx);
    for (const m of [db, api]) await flip(ctx, m, "down", "up");
    advance(HOUR);
    return { ctx, db, api };
  }

  it("counts only the hour of an outage outside the maintenance window", async () => {
    const { ctx, db, api } = await outageWithWindow({ cancel: false });
    const list = await listMonitorsWithUptime({ ctx });
    const row = list.find((m) => m.id === db.id);
    // 4 h monitored less 1 h of maintenance; down 1 h outside it.
    expect(row?.uptime24h).toBeCloseTo(1 - 1 / 3, 10);
    expect(row?.uptime30d).toBeCloseTo(1 - 1 / 3, 10);
    expect(row?.maintenance24hMs).toBe(HOUR_MS);
    expect(row?.maintenance30dMs).toBe(HOUR_MS);
    // The other monitor is not a subject of the window: both hours down count.
    const other = list.find((m) => m.id === api.id);
    expect(other?.uptime24h).toBeCloseTo(0.5, 10);
    expect(other?.maintenance24hMs).toBe(0);
  });

  it("counts nothing for a window cancelled before it started", async () => {
    const { ctx, db } = await outageWithWindow({ cancel: true });
    const [row] = (await listMonitorsWithUptime({ ctx })).filter((m) => m.id === db.id);
    expect(row?.uptime24h).toBeCloseTo(0.5, 10);
    expect(row?.uptime30d).toBeCloseTo(0.5, 10);
    expect(row?.maintenance24hMs).toBe(0);
    expect(row?.maintenance30dMs).toBe(0);
    const { bars } = await getMonitorHistory({ ctx, input: { monitorId: db.id } });
    expect(bars.maintenanceDays).toBe("");
  });

  it("shows the same uptime on the list and on the monitor's page", async () => {
    const { ctx, db, api } = await outageWithWindow({ cancel: false });
    const list = await listMonitorsWithUptime({ ctx });
    for (const m of [db, api]) {
      const { uptime } = await getMonitorHistory({ ctx, input: { monitorId: m.id } });
      const row = list.find((r) => r.id === m.id);
      expect(row).toBeDefined();
      expect(uptime).toEqual({
        uptime24h: row?.uptime24h,
        uptime30d: row?.uptime30d,
        maintenance24hMs: row?.maintenance24hMs,
        maintenance30dMs: row?.maintenance30dMs,
      });
    }
    const { uptime, bars } = await getMonitorHistory({ ctx, input: { monitorId: db.id } });
    expect(uptime.maintenance24hMs).toBe(HOUR_MS);
    expect(maintenanceSecs(bars.maintenanceDays)).toBe(HOUR);
    const other = await getMonitorHistory({ ctx, input: { monitorId: api.id } });
    expect(other.bars.maintenanceDays).toBe("");
  });

  it("leaves out a window still running, up to now", async () => {
    const { ctx, advance } = await workspaceWithClock(database.db);
    const db = await makeMonitor(ctx, "http://127.0.0.1:9/", { name: "db" });
    await flip(ctx, db, "pending", "up");
    advance(HOUR);
    await flip(ctx, db, "up", "down");
    await createMaintenance({
      ctx,
      input: {
        title: "Failover",
        subjects: [{ kind: "monitor", id: db.id }],
        startsAt: ctx.now(),
        endsAt: new Date(ctx.now().getTime() + 3 * HOUR_MS),
      },
    });
    advance(HOUR);
    const { uptime } = await getMonitorHistory({ ctx, input: { monitorId: db.id } });
    expect(uptime.uptime24h).toBe(1);
    expect(uptime.maintenance24hMs).toBe(HOUR_MS);
  });

  it("reads the list in as many queries for twenty monitors as for one", async () => {
    const queriesFor = async (monitorCount: number) => {
      const { ctx } = await workspaceWithClock(database.db);
      const made: Monitor[] = [];
      for (let i = 0; i < monitorCount; i++)
        made.push(await makeMonitor(ctx, "http://127.0.0.1:9/", { name: `m${i}` }));
      for (const m of made) await flip(ctx, m, "pending", "up");
      await createMaintenance({
        ctx,
        input: {
          title: "Upgrade",
          subjects: made.map((m) => ({ kind: "monitor" as const, id: m.id })),
          startsAt: ctx.now(),
          endsAt: new Date(ctx.now().getTime() + HOUR_MS),
        },
      });
      let queries = 0;
      const counted = new Proxy(database.db, {
        get(target, key, receiver) {
          const value: unknown = Reflect.get(target, key, receiver);
          if (typeof value !== "function") return value;
          if (key === "select" || key === "selectDistinctOn" || key === "execute") queries++;
          return (value as (...args: unknown[]) => unknown).bind(target);
        },
      });
      const rows = await listMonitorsWithUptime({ ctx: { ...ctx, db: counted } });
      expect(rows).toHaveLength(monitorCount);
      return queries;
    };
    const one = await queriesFor(1);
    expect(one).toBeGreaterThan(0);
    expect(await queriesFor(20)).toBe(one);
  });
});
