import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { alertDeliveries, alertMessages } from "@/db/schema";
import { createTestDatabase, testDbKind, type TestDatabase } from "@/db/testing/test-database";
import { workspaceWithClock } from "@/db/testing/factories";
import { makeMonitor } from "@/db/testing/make-monitor";
import { startTestTarget, type TestTarget } from "@/server/checks/testing/start-test-target";
import { startReceiver, type TestReceiver } from "@/server/alerts/testing/start-receiver";
import { runCheck } from "@/server/services/checks/run-due-checks";
import { createChannel } from "@/server/services/alerts/create-channel";
import { deliverDueAlerts } from "@/server/services/alerts/deliver-alerts";
import { listAlertMessages } from "@/server/services/alerts/list-alert-messages";
import { queueReminders } from "@/server/services/alerts/queue-reminders";
import { pruneAlertLog } from "@/server/services/alerts/prune-alert-log";

// Pruning and reminders act on the whole instance, so this file has a database of its own.
describe(`alert log retention on ${testDbKind()}`, () => {
  let database: TestDatabase;
  let target: TestTarget;
  let receiver: TestReceiver;
  beforeAll(async () => {
    database = await createTestDatabase();
    target = await startTestTarget();
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await receiver.close();
    await target.close();
    await database.drop();
  });

  it("prunes finished messages past the retention with their outbox rows; reminders go on", async () => {
    const { ctx, advance } = await workspaceWithClock(database.db);
    const options = { allowPrivateTargets: true };
    const deliver = () =>
      deliverDueAlerts(
        { db: database.db, now: ctx.now },
        { ...options, timeoutMs: 500, smtp: undefined, baseUrl: "https://vigil.example.com" },
      );
    const { channel } = await createChannel({
      ctx,
      input: {
        name: "hook",
        kind: "webhook",
        url: receiver.url("/hook"),
        enabled: true,
        isDefault: true,
      },
      guard: options,
    });
    const monitor = await makeMonitor(ctx, target.url("/api"), {
      confirmations: 1,
      reminderHours: 168, // the longest allowed
    });
    const check = () => runCheck({ ctx, monitorId: monitor.id, options });
    await check();
    advance(60);
    target.set("/api", { status: 500 });
    const down = (await check())?.flip;
    expect(down).toBeTruthy();
    await deliver();
    const outbox = async () =>
      (
        await database.db
          .select({ reminder: alertDeliveries.reminder })
          .from(alertDeliveries)
          .where(eq(alertDeliveries.flipId, down?.flipId ?? ""))
          .orderBy(asc(alertDeliveries.reminder))
      ).map((d) => d.reminder);
    for (let n = 1; n <= 3; n++) {
      advance(7 * 86_400 + 60);
      expect(await queueReminders(database.db, ctx.now())).toBe(1);
      await deliver();
    }
    const sent = await database.db
      .select({ id: alertMessages.id, kind: alertMessages.kind, status: alertMessages.status })
      .from(alertMessages)
      .where(eq(alertMessages.channelId, channel.id))
      .orderBy(asc(alertMessages.createdAt));
    expect(sent.map((m) => [m.kind, m.status])).toEqual([
      ["alert", "delivered"],
      ["reminder", "delivered"],
      ["reminder", "delivered"],
      ["reminder", "delivered"],
    ]);
    expect(receiver.received("/hook")).toHaveLength(4);
    // The first reminder is still being retried: old, but never pruned while it may yet go out.
    await database.db
      .update(alertMessages)
      .set({ status: "retrying" })
      .where(eq(alertMessages.id, sent[1]?.id ?? ""));
    expect(await outbox()).toEqual([0, 1, 2, 3]);

    // 21 days after the flip: the alert (21 days old) goes; the rest is younger or pending.
    expect(await pruneAlertLog(database.db, ctx.now(), 14)).toBe(1);
    expect(await pruneAlertLog(database.db, ctx.now(), 14)).toBe(0);
    const kept = await listAlertMessages({ ctx, channelId: channel.id });
    expect(kept.map((m) => m.id).sort()).toEqual(
      sent
        .slice(1)
        .map((m) => m.id)
        .sort(),
    );
    expect(await outbox()).toEqual([1, 2, 3]);
    // Nothing goes out again, and the outage's next reminder comes when it is due.
    expect(await queueReminders(database.db, ctx.now())).toBe(0);
    advance(7 * 86_400);
    expect(await queueReminders(database.db, ctx.now())).toBe(1);
    expect(await outbox()).toEqual([1, 2, 3, 4]);
  });
});
