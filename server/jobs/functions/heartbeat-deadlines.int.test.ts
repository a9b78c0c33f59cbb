import { InngestTestEngine } from "@inngest/test";
import { and, eq } from "drizzle-orm";
import pino from "pino";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { flips, type Heartbeat } from "@/db/schema";
import { createTestDatabase, testDbKind, type TestDatabase } from "@/db/testing/test-database";
import { makeUser } from "@/db/testing/factories";
import { makeHeartbeat, pingAt } from "@/db/testing/make-heartbeat";
import { loadConfig } from "@/server/config";
import { createInngestClient } from "@/server/jobs/client";
import {
  createDeadlineSweep,
  createHeartbeatDeadline,
} from "@/server/jobs/functions/heartbeat-deadlines";
import { setRuntime } from "@/server/runtime";
import { SignInLimiter } from "@/server/services/auth/sign-in-limiter";
import { systemClock, type WorkspaceCtx } from "@/server/services/context";
import { deleteHeartbeat } from "@/server/services/heartbeats/delete-heartbeat";
import { findHeartbeat } from "@/server/services/heartbeats/find-heartbeat";
import { listHeartbeats } from "@/server/services/heartbeats/list-heartbeats";

describe(`Inngest heartbeat deadline functions on ${testDbKind()}`, () => {
  let database: TestDatabase;
  let ctx: WorkspaceCtx;
  const config = loadConfig({ INNGEST_DEV: "1" });
  const client = createInngestClient(config.inngest);
  const deadline = createHeartbeatDeadline(client);
  const sweep = createDeadlineSweep(client);

  beforeAll(async () => {
    database = await createTestDatabase();
    setRuntime({
      config,
      db: database.db,
      dbKind: database.kind,
      authSecret: "x".repeat(32),
      logger: pino({ level: "silent" }),
      signInLimiter: new SignInLimiter(config.signinLimits),
    });
  });
  afterAll(async () => {
    setRuntime(undefined);
    await database.drop();
  });
  afterEach(async () => {
    for (const hb of await listHeartbeats({ ctx }))
      await deleteHeartbeat({ ctx, input: { heartbeatId: hb.id } });
  });

  async function newWorkspace() {
    const { user, workspace } = await makeUser(database.db);
    ctx = {
      db: database.db,
      now: systemClock,
      actor: { userId: user.id },
      workspaceId: workspace.id,
    };
  }

  /** Pinged `agoSecs` ago with a 60 s interval and 30 s grace: overdue once agoSecs ≥ 90. */
  async function pingedAgo(name: string, agoSecs: number): Promise<Heartbeat> {
    const hb = await makeHeartbeat(ctx, { name });
    await pingAt(database.db, hb.token, new Date(Date.now() - agoSecs * 1000));
    return findHeartbeat(database.db, ctx.workspaceId, hb.id);
  }

  const statusOf = async (hb: Heartbeat) =>
    (await findHeartbeat(database.db, ctx.workspaceId, hb.id)).status;
  const flipsInto = (hb: Heartbeat, to: string) =>
    database.db.$count(flips, and(eq(flips.heartbeatId, hb.id), eq(flips.toStatus, to)));

  async function runDeadline(hb: Heartbeat, at: Date | null) {
    const t = new InngestTestEngine({
      function: deadline,
      events: [
        {
          name: "vigil/heartbeat.pinged",
          data: {
            heartbeatId: hb.id,
            workspaceId: hb.workspaceId,
            deadline: at ? at.toISOString() : null,
          },
        },
      ],
    });
    const { result, ctx: fnCtx } = await t.execute({
      // Every sleep of the loop returns at once (the engine does not simulate time).
      steps: [
        { id: "wait-for-deadline", handler: () => null },
        ...Array.from({ length: 19 }, (_, i) => ({
          id: `wait-for-deadline-${i + 1}`,
          handler: () => null,
        })),
      ],
    });
    return { result, sleepUntil: fnCtx.step.sleepUntil };
  }

  it("sleeps until the event's deadline, then applies the alarm of that heartbeat only", async () => {
    await newWorkspace();
    const due = await pingedAgo("due", 120);
    const alsoDue = await pingedAgo("also due", 120);
    expect(due.alarmAt).not.toBeNull();

    const { result, sleepUntil } = await runDeadline(due, due.alarmAt);
    expect(sleepUntil.mock.calls[0]).toEqual(["wait-for-deadline", due.alarmAt]);
    expect((result as { swept: number }).swept).toBeGreaterThanOrEqual(1);
    expect(await statusOf(due)).toBe("missing");
    expect(await flipsInto(due, "missing")).toBe(1);
    expect(await statusOf(alsoDue)).toBe("up");
  });

  it("applies nothing when woken before the heartbeat's alarm is due", async () => {
    await newWorkspace();
    // A ping moved the alarm on after this run was planned, and the cancel event was lost.
    const moved = await pingedAgo("moved", 0);
    const { result, sleepUntil } = await runDeadline(moved, new Date(Date.now() - 1000));
    expect(result).toEqual({ swept: 0 });
    // It sleeps on until the alarm the ping moved it to, instead of leaving it to the minute sweep.
    expect(sleepUntil.mock.calls[1]).toEqual(["wait-for-deadline-1", moved.alarmAt]);
    expect(await statusOf(moved)).toBe("up");
  });

  it("does nothing for a heartbeat with no deadline", async () => {
    await newWorkspace();
    const due = await pingedAgo("due", 120);
    const { result, sleepUntil } = await runDeadline(due, null);
    expect(result).toEqual({ swept: 0 });
    expect(sleepUntil).not.toHaveBeenCalled();
    expect(await statusOf(due)).toBe("up");
  });

  it("applies every due alarm in the minute sweep, and nothing that is not due", async () => {
    await newWorkspace();
    const missing = await Promise.all([1, 2, 3].map((i) => pingedAgo(`missing ${i}`, 120)));
    const late = await pingedAgo("late", 75);
    const onTime = await pingedAgo("on time", 10);
    // A fresh engine per run: one engine replays the step results it has already seen.
    const runSweep = async () =>
      (
        await new InngestTestEngine({
          function: sweep,
          events: [{ name: "inngest/scheduled.timer", data: {} }],
        }).execute()
      ).result;

    expect(await runSweep()).toEqual({ swept: 4 });
    for (const hb of missing) expect(await statusOf(hb)).toBe("missing");
    expect(await statusOf(late)).toBe("late");
    expect(await statusOf(onTime)).toBe("up");

    expect(await runSweep()).toEqual({ swept: 0 });
    for (const hb of missing) expect(await flipsInto(hb, "missing")).toBe(1);
  });
});
