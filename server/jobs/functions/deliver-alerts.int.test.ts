import { randomUUID } from "node:crypto";
import { InngestTestEngine } from "@inngest/test";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDbKind, type TestDatabase } from "@/db/testing/test-database";
import { makeUser } from "@/db/testing/factories";
import { makeMonitor, withPolicy } from "@/db/testing/make-monitor";
import { loadConfig } from "@/server/config";
import { createInngestClient } from "@/server/jobs/client";
import { createAlertSweep, createDeliverAlerts } from "@/server/jobs/functions/deliver-alerts";
import { setRuntime } from "@/server/runtime";
import { SignInLimiter } from "@/server/services/auth/sign-in-limiter";
import { systemClock, type WorkspaceCtx } from "@/server/services/context";
import { startTestTarget, type TestTarget } from "@/testing/checks/start-test-target";
import { startReceiver, type TestReceiver } from "@/testing/alerts/start-receiver";
import { createChannel } from "@/server/services/alerts/create-channel";
import { runCheck } from "@/server/services/checks/run-due-checks";
import type { FlipEvent } from "@/server/events/bus";

describe(`Inngest alert delivery on ${testDbKind()}`, () => {
  let database: TestDatabase;
  let target: TestTarget;
  let receiver: TestReceiver;
  const config = loadConfig({ INNGEST_DEV: "1", VIGIL_ALLOW_PRIVATE_TARGETS: "true" });
  const client = createInngestClient(config.inngest);
  const deliver = createDeliverAlerts(client);
  const sweep = createAlertSweep(client);

  beforeAll(async () => {
    database = await createTestDatabase();
    target = await startTestTarget();
    receiver = await startReceiver();
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
    await receiver.close();
    await target.close();
    await database.drop();
  });

  async function workspace(): Promise<WorkspaceCtx> {
    const { user, workspace } = await makeUser(database.db);
    return {
      db: database.db,
      now: systemClock,
      actor: { userId: user.id },
      workspaceId: workspace.id,
    };
  }

  async function hook(ctx: WorkspaceCtx) {
    const path = `/hook-${randomUUID()}`;
    const { channel } = await createChannel({
      ctx: withPolicy(ctx, { privateTargets: "all" }),
      input: {
        name: path,
        kind: "webhook",
        url: receiver.url(path),
        enabled: true,
        isDefault: true,
      },
    });
    return { channel, path };
  }

  /** A monitor that is down already: one failing check with one confirmation. */
  async function downFlip(ctx: WorkspaceCtx): Promise<FlipEvent> {
    const path = `/${randomUUID()}`;
    target.set(path, { status: 500 });
    const monitor = await makeMonitor(ctx, target.url(path), { confirmations: 1 });
    const outcome = await runCheck({
      ctx,
      monitorId: monitor.id,
      options: { privateTargets: "all" },
    });
    if (!outcome?.flip) throw new Error("no flip");
    return outcome.flip;
  }

  async function runFor(flip: FlipEvent, channelIds: string[]) {
    const t = new InngestTestEngine({
      function: deliver,
      events: [
        {
          name: "vigil/flip.recorded",
          data: {
            flipId: flip.flipId,
            workspaceId: flip.workspaceId,
            subjectKind: flip.subjectKind,
            subjectId: flip.subjectId,
          },
        },
      ],
    });
    const { result } = await t.execute({
      steps: channelIds.flatMap((id) =>
        Array.from({ length: 40 }, (_, i) => ({ id: `wait-${id}-${i}`, handler: () => null })),
      ),
    });
    return result;
  }

  it("delivers a flip to each channel in its own step, once even when the run is repeated", async () => {
    const ctx = await workspace();
    const a = await hook(ctx);
    const b = await hook(ctx);
    const flip = await downFlip(ctx);

    expect(await runFor(flip, [a.channel.id, b.channel.id])).toEqual({ channels: 2, settled: 2 });
    for (const ch of [a, b]) {
      const got = await receiver.waitFor(ch.path, 1);
      expect(got[0]?.headers["x-vigil-delivery"]).toBe(`${flip.flipId}.${ch.channel.id}`);
    }
    // A second run of the same event (a replay, another node) finds the pairs delivered.
    expect(await runFor(flip, [a.channel.id, b.channel.id])).toEqual({ channels: 2, settled: 2 });
    expect(receiver.received(a.path)).toHaveLength(1);
    expect(receiver.received(b.path)).toHaveLength(1);
  });

  it("sends what is due from the minute sweep when no flip event arrived", async () => {
    const ctx = await workspace();
    const ch = await hook(ctx);
    await downFlip(ctx);
    const run = async () =>
      (
        await new InngestTestEngine({
          function: sweep,
          events: [{ name: "inngest/scheduled.timer", data: {} }],
        }).execute()
      ).result as { lanes: number };
    expect((await run()).lanes).toBeGreaterThanOrEqual(1);
    expect(await receiver.waitFor(ch.path, 1)).toHaveLength(1);
    await run();
    expect(receiver.received(ch.path)).toHaveLength(1);
  });
});
