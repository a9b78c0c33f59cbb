import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { heartbeats, heldAlerts, monitors, type Monitor } from "@/db/schema";
import { createTestDatabase, testDbKind, type TestDatabase } from "@/db/testing/test-database";
import { workspaceWithClock } from "@/db/testing/factories";
import { makeMonitor, withPolicy } from "@/db/testing/make-monitor";
import { makeHeartbeat } from "@/db/testing/make-heartbeat";
import { startReceiver, type TestReceiver } from "@/testing/alerts/start-receiver";
import type { WorkspaceCtx } from "@/server/services/context";
import { createChannel } from "@/server/services/alerts/create-channel";
import { deliverDueAlerts, type AlertDeps } from "@/server/services/alerts/deliver-alerts";
import { recordMonitorFlip } from "@/server/services/monitors/record-monitor-flip";
import { recordHeartbeatFlips } from "@/server/services/heartbeats/record-heartbeat-flips";
import type { MonitorStatus } from "@/server/domain/monitors/monitor-state";
import type { HeartbeatStatus } from "@/server/domain/heartbeats/heartbeat-state";
import { createMaintenance } from "@/server/services/maintenances/create-maintenance";
import { updateMaintenance } from "@/server/services/maintenances/update-maintenance";
import { noticeMaintenanceBoundaries } from "@/server/services/maintenances/notice-maintenance-boundaries";

const deps: AlertDeps = {
  privateTargets: "all",
  allowPrivateTargets: true,
  timeoutMs: 2000,
  smtp: undefined,
  baseUrl: "https://vigil.example.com",
};
type Body = { title: string; text: string; flips: { from: string; to: string; alert: string }[] };
const bodyOf = (r: { body: string }) => JSON.parse(r.body) as Body;

describe(`alerts during maintenance on ${testDbKind()}`, () => {
  let database: TestDatabase;
  let receiver: TestReceiver;

  beforeAll(async () => {
    database = await createTestDatabase();
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await receiver.close();
    await database.drop();
  });

  async function setUp() {
    const { ctx, advance } = await workspaceWithClock(database.db);
    const path = `/hook-${randomUUID()}`;
    await createChannel({
      ctx: withPolicy(ctx, { privateTargets: "all" }),
      input: {
        name: "hook",
        kind: "webhook",
        url: receiver.url(path),
        enabled: true,
        isDefault: true,
      },
    });
    const monitor = await makeMonitor(ctx, "http://127.0.0.1:9/", { name: "db-primary" });
    return { ctx, advance, path, monitor };
  }

  /** Records a flip the way a check does: the state swapped, the flip written with its outbox. */
  async function flip(ctx: WorkspaceCtx, monitor: Monitor, from: MonitorStatus, to: MonitorStatus) {
    await ctx.db.transaction(async (tx) => {
      await tx.update(monitors).set({ status: to }).where(eq(monitors.id, monitor.id));
      await recordMonitorFlip(
        tx,
        monitor,
        { from, to, at: ctx.now() },
        to === "down" ? "HTTP 500" : null,
      );
    });
  }

  const deliver = (ctx: WorkspaceCtx) =>
    deliverDueAlerts({ ctx: { db: database.db, now: ctx.now, alerts: deps } });
  const notice = (ctx: WorkspaceCtx, sinceSecs = 120) =>
    noticeMaintenanceBoundaries({
      ctx,
      input: { since: new Date(ctx.now().getTime() - sinceSecs * 1000) },
    });
  const windowOf = (ctx: WorkspaceCtx, fromSecs: number, toSecs: number) => ({
    startsAt: new Date(ctx.now().getTime() + fromSecs * 1000),
    endsAt: new Date(ctx.now().getTime() + toSecs * 1000),
  });

  it("sends nothing inside a window, and one alert when it ends with the subject still down", async () => {
    const { ctx, advance, path, monitor } = await setUp();
    await flip(ctx, monitor, "pending", "up");
    await createMaintenance({
      ctx,
      input: {
        title: "DB upgrade",
        subjects: [{ kind: "monitor", id: monitor.id }],
        ...windowOf(ctx, 0, 600),
      },
    });
    advance(60);
    await flip(ctx, monitor, "up", "down");
    await deliver(ctx);
    expect(receiver.received(path)).toHaveLength(0);
    advance(540);
    expect((await notice(ctx)).queued).toBe(1);
    expect((await notice(ctx)).queued).toBe(0);
    await deliver(ctx);
    advance(120);
    await notice(ctx);
    await deliver(ctx);
    const got = receiver.received(path);
    expect(got).toHaveLength(1);
    expect(bodyOf(got[0]!).title).toBe("db-primary is DOWN");
    expect(bodyOf(got[0]!).text).toContain("still down after maintenance ended (HTTP 500)");
  });

  it("sends nothing when the subject recovered inside the window", async () => {
    const { ctx, advance, path, monitor } = await setUp();
    await flip(ctx, monitor, "pending", "up");
    await createMaintenance({
      ctx,
      input: {
        title: "Restart",
        subjects: [{ kind: "monitor", id: monitor.id }],
        ...windowOf(ctx, 0, 600),
      },
    });
    advance(60);
    await flip(ctx, monitor, "up", "down");
    advance(60);
    await flip(ctx, monitor, "down", "up");
    advance(600);
    expect((await notice(ctx, 700)).queued).toBe(0);
    await deliver(ctx);
    expect(receiver.received(path)).toHaveLength(0);
    const held = await database.db
      .select()
      .from(heldAlerts)
      .where(eq(heldAlerts.subjectId, monitor.id));
    expect(held.map((h) => h.releasedAt !== null)).toEqual([true, true]);
  });

  it("does not alert again for an outage alerted before the window began", async () => {
    const { ctx, advance, path, monitor } = await setUp();
    await flip(ctx, monitor, "pending", "up");
    advance(60);
    await flip(ctx, monitor, "up", "down");
    await deliver(ctx);
    expect(receiver.received(path)).toHaveLength(1);
    advance(60);
    await createMaintenance({
      ctx,
      input: {
        title: "Fixing it",
        subjects: [{ kind: "monitor", id: monitor.id }],
        ...windowOf(ctx, 0, 600),
      },
    });
    advance(700);
    expect((await notice(ctx, 800)).queued).toBe(0);
    await deliver(ctx);
    expect(receiver.received(path)).toHaveLength(1);
  });

  it("releases at once when the window is ended early, and alerts other subjects as usual", async () => {
    const { ctx, advance, path, monitor } = await setUp();
    const other = await makeMonitor(ctx, "http://127.0.0.1:9/", { name: "api" });
    await flip(ctx, monitor, "pending", "up");
    await flip(ctx, other, "pending", "up");
    const m = await createMaintenance({
      ctx,
      input: {
        title: "Upgrade",
        subjects: [{ kind: "monitor", id: monitor.id }],
        ...windowOf(ctx, 0, 3600),
      },
    });
    advance(60);
    await flip(ctx, monitor, "up", "down");
    await flip(ctx, other, "up", "down");
    await deliver(ctx);
    expect(receiver.received(path).map((r) => bodyOf(r).title)).toEqual(["api is DOWN"]);
    advance(60);
    await updateMaintenance({ ctx, input: { maintenanceId: m.id, status: "completed" } });
    expect((await notice(ctx)).queued).toBe(1);
    await deliver(ctx);
    expect(receiver.received(path).map((r) => bodyOf(r).title)).toEqual([
      "api is DOWN",
      "db-primary is DOWN",
    ]);
  });

  it("holds a heartbeat that goes missing inside the window until the window ends", async () => {
    const { ctx, advance, path } = await setUp();
    const hb = await makeHeartbeat(ctx, { name: "nightly backup", intervalSecs: 60, graceSecs: 0 });
    const record = async (from: HeartbeatStatus, to: HeartbeatStatus) =>
      ctx.db.transaction(async (tx) => {
        await tx.update(heartbeats).set({ status: to }).where(eq(heartbeats.id, hb.id));
        await recordHeartbeatFlips(tx, [
          {
            heartbeatId: hb.id,
            workspaceId: ctx.workspaceId,
            flip: { from, to, at: ctx.now() },
            reason: null,
          },
        ]);
      });
    await record("new", "up");
    await createMaintenance({
      ctx,
      input: {
        title: "Backup host move",
        subjects: [{ kind: "heartbeat", id: hb.id }],
        ...windowOf(ctx, 0, 600),
      },
    });
    advance(120);
    await record("up", "late");
    await record("late", "missing");
    await deliver(ctx);
    expect(receiver.received(path)).toHaveLength(0);
    advance(600);
    expect((await notice(ctx, 700)).queued).toBe(1);
    await deliver(ctx);
    expect(receiver.received(path).map((r) => bodyOf(r).title)).toEqual([
      "nightly backup is MISSING",
    ]);
  });
});
