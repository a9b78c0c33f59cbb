import { randomUUID } from "node:crypto";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDbKind, type TestDatabase } from "@/db/testing/test-database";
import { makeUser } from "@/db/testing/factories";
import { makeMonitor, withPolicy } from "@/db/testing/make-monitor";
import { startTestTarget, type TestTarget } from "@/testing/checks/start-test-target";
import { startReceiver, type TestReceiver } from "@/testing/alerts/start-receiver";
import { AlertDispatcher } from "@/server/jobs/alert-dispatcher";
import { createChannel } from "@/server/services/alerts/create-channel";
import { runCheck } from "@/server/services/checks/run-due-checks";
import { systemClock, type WorkspaceCtx } from "@/server/services/context";

describe(`the embedded alert dispatcher on ${testDbKind()}`, () => {
  let database: TestDatabase;
  let target: TestTarget;
  let receiver: TestReceiver;
  let dispatcher: AlertDispatcher;

  beforeAll(async () => {
    database = await createTestDatabase();
    target = await startTestTarget();
    receiver = await startReceiver();
    dispatcher = new AlertDispatcher({
      db: database.db,
      now: systemClock,
      logger: pino({ level: "silent" }),
      alerts: {
        privateTargets: "all",
        allowPrivateTargets: true,
        timeoutMs: 1500,
        smtp: undefined,
        baseUrl: "http://x",
      },
    });
    dispatcher.start();
  });
  afterAll(async () => {
    await dispatcher.stop();
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
  const hook = async (ctx: WorkspaceCtx, path: string) =>
    (
      await createChannel({
        ctx: withPolicy(ctx, { privateTargets: "all" }),
        input: {
          name: path,
          kind: "webhook",
          url: receiver.url(path),
          enabled: true,
          isDefault: true,
        },
      })
    ).channel;

  async function flipDown(ctx: WorkspaceCtx) {
    const path = `/${randomUUID()}`;
    target.set(path, { status: 500 });
    const monitor = await makeMonitor(ctx, target.url(path), { confirmations: 1 });
    const outcome = await runCheck({
      ctx,
      monitorId: monitor.id,
      options: { privateTargets: "all" },
    });
    expect(outcome?.flip).toMatchObject({ to: "down" });
    return Date.now();
  }

  it("sends as soon as the flip commits, woken by the flip event", async () => {
    const ctx = await workspace();
    await hook(ctx, "/fast");
    const flippedAt = await flipDown(ctx);
    const [got] = await receiver.waitFor("/fast", 1, 3000);
    expect((got?.at ?? Infinity) - flippedAt).toBeLessThan(3000);
  });

  it("does not let a hanging receiver hold up another channel", async () => {
    const ctx = await workspace();
    receiver.answer("/hangs", "hang");
    await hook(ctx, "/hangs");
    await hook(ctx, "/answers");
    const flippedAt = await flipDown(ctx);
    const [got] = await receiver.waitFor("/answers", 1, 3000);
    expect((got?.at ?? Infinity) - flippedAt).toBeLessThan(1500);
    await receiver.waitFor("/hangs", 1, 3000);
  });
});
