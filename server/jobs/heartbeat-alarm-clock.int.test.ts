import { setTimeout as sleep } from "node:timers/promises";
import { and, eq } from "drizzle-orm";
import pino from "pino";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { flips, type FlipRow, type Heartbeat } from "@/db/schema";
import { createTestDatabase, testDbKind, type TestDatabase } from "@/db/testing/test-database";
import { makeUser } from "@/db/testing/factories";
import { makeHeartbeat, pingAt } from "@/db/testing/make-heartbeat";
import { HeartbeatAlarmClock } from "@/server/jobs/heartbeat-alarm-clock";
import { systemClock, type WorkspaceCtx } from "@/server/services/context";
import { deleteHeartbeat } from "@/server/services/heartbeats/delete-heartbeat";
import { findHeartbeat } from "@/server/services/heartbeats/find-heartbeat";
import { listHeartbeats } from "@/server/services/heartbeats/list-heartbeats";
import { updateHeartbeat } from "@/server/services/heartbeats/update-heartbeat";

// Real time throughout: the shortest settings the engine accepts keep each test a few seconds long.
const fast = { intervalSecs: 2, graceSecs: 1 };
/** How long a wait may take beyond its due time before the test gives up (not the 1 s promise). */
const MARGIN_MS = 4000;

describe(`the heartbeat alarm clock on ${testDbKind()}`, () => {
  let database: TestDatabase;
  let ctx: WorkspaceCtx;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });
  afterEach(async () => {
    for (const hb of await listHeartbeats({ ctx }))
      await deleteHeartbeat({ ctx, input: { heartbeatId: hb.id } });
  });

  async function newHeartbeat(overrides: Parameters<typeof makeHeartbeat>[1] = fast) {
    const { user, workspace } = await makeUser(database.db);
    ctx = {
      db: database.db,
      now: systemClock,
      actor: { userId: user.id },
      workspaceId: workspace.id,
    };
    return makeHeartbeat(ctx, overrides);
  }

  /** Runs `body` with a started clock, and stops it whatever happens. */
  async function withClock(body: () => Promise<void>) {
    const clock = new HeartbeatAlarmClock({
      db: database.db,
      now: systemClock,
      logger: pino({ level: "silent" }),
    });
    clock.start();
    try {
      await body();
    } finally {
      await clock.stop();
    }
  }

  const flipsTo = (hb: Heartbeat, to: string) =>
    database.db
      .select()
      .from(flips)
      .where(and(eq(flips.heartbeatId, hb.id), eq(flips.toStatus, to)));

  /** Polls for the flip into `to`; fails once `by` (epoch ms) plus the margin has passed. */
  async function waitForFlip(hb: Heartbeat, to: string, by: number): Promise<FlipRow> {
    for (;;) {
      const [flip] = await flipsTo(hb, to);
      if (flip) return flip;
      if (Date.now() > by + MARGIN_MS) throw new Error(`no flip to ${to} by ${new Date(by)}`);
      await sleep(25);
    }
  }

  /** Within 1 s after `due`, never before it. */
  const expectSoonAfter = (at: Date, due: number) => {
    expect(at.getTime()).toBeGreaterThanOrEqual(due);
    expect(at.getTime()).toBeLessThan(due + 1000);
  };

  it("turns late at the deadline and missing within 1 s of deadline plus grace", async () => {
    const hb = await newHeartbeat();
    await withClock(async () => {
      const pingedAt = Date.now();
      await pingAt(database.db, hb.token, new Date(pingedAt));
      const late = await waitForFlip(hb, "late", pingedAt + 2000);
      expectSoonAfter(late.at, pingedAt + 2000);
      const missing = await waitForFlip(hb, "missing", pingedAt + 3000);
      expectSoonAfter(missing.at, pingedAt + 3000);
      expect(await findHeartbeat(database.db, ctx.workspaceId, hb.id)).toMatchObject({
        status: "missing",
        consecutiveMisses: 1,
      });
    });
  });

  it("re-arms on a ping before the deadline: no late until the new deadline", async () => {
    const hb = await newHeartbeat();
    await withClock(async () => {
      const firstAt = Date.now();
      await pingAt(database.db, hb.token, new Date(firstAt));
      await sleep(1500);
      const secondAt = Date.now();
      await pingAt(database.db, hb.token, new Date(secondAt));
      // Past the first ping's deadline plus grace: the clock must have moved on with the ping.
      await sleep(Math.max(0, firstAt + 3200 - Date.now()));
      expect((await findHeartbeat(database.db, ctx.workspaceId, hb.id)).status).toBe("up");
      const missing = await waitForFlip(hb, "missing", secondAt + 3000);
      expectSoonAfter(missing.at, secondAt + 3000);
      const [late] = await flipsTo(hb, "late");
      expectSoonAfter(late?.at ?? new Date(0), secondAt + 2000);
    });
  });

  it("re-arms on an edit that brings the deadline forward", async () => {
    const hb = await newHeartbeat({ intervalSecs: 3600, graceSecs: 1 });
    await withClock(async () => {
      const pingedAt = Date.now();
      await pingAt(database.db, hb.token, new Date(pingedAt));
      await updateHeartbeat({ ctx, input: { heartbeatId: hb.id, changes: { intervalSecs: 2 } } });
      const late = await waitForFlip(hb, "late", pingedAt + 2000);
      expectSoonAfter(late.at, pingedAt + 2000);
    });
  });

  it("catches a deadline that passed while it was stopped right after start-up", async () => {
    const hb = await newHeartbeat();
    const pingedAt = Date.now() - 10_000;
    await pingAt(database.db, hb.token, new Date(pingedAt));
    expect((await findHeartbeat(database.db, ctx.workspaceId, hb.id)).status).toBe("up");

    const startedAt = Date.now();
    await withClock(async () => {
      const missing = await waitForFlip(hb, "missing", startedAt);
      expectSoonAfter(missing.at, startedAt);
      // Every deadline (ping + 2 s, + 4 s, …) passed by the sweep counts as one miss.
      const deadlinesPassed = Math.floor((missing.at.getTime() - pingedAt) / 2000);
      expect(await findHeartbeat(database.db, ctx.workspaceId, hb.id)).toMatchObject({
        status: "missing",
        consecutiveMisses: deadlinesPassed,
      });
      expect(await flipsTo(hb, "late")).toHaveLength(0);
    });
  });
});
