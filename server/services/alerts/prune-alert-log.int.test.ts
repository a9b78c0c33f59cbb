import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { alertDeliveries, alertMessages, monitors } from "@/db/schema";
import { createTestDatabase, testDbKind, type TestDatabase } from "@/db/testing/test-database";
import { workspaceWithClock } from "@/db/testing/factories";
import { makeMonitor, withPolicy } from "@/db/testing/make-monitor";
import { startTestTarget, type TestTarget } from "@/testing/checks/start-test-target";
import { startReceiver, type TestReceiver } from "@/testing/alerts/start-receiver";
import { runCheck } from "@/server/services/checks/run-due-checks";
import { createChannel } from "@/server/services/alerts/create-channel";
import { deliverDueAlerts, type AlertDeps } from "@/server/services/alerts/deliver-alerts";
import { queueReminders } from "@/server/services/alerts/queue-reminders";
import { sendTestNotification } from "@/server/services/alerts/send-test-notification";
import { pruneAlertLog } from "@/server/services/alerts/prune-alert-log";

const HOUR = 3_600;
const DAY = 24 * HOUR;

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

  it("prunes finished messages past the retention, never an open outage's or a pending one", async () => {
    const { ctx, advance } = await workspaceWithClock(database.db);
    const deps: AlertDeps = {
      privateTargets: "all",
      allowPrivateTargets: true,
      timeoutMs: 500,
      smtp: undefined,
      baseUrl: "https://vigil.example.com",
    };
    const deliver = () =>
      deliverDueAlerts({ ctx: { db: database.db, now: ctx.now, alerts: deps } });
    const remind = async () => {
      await queueReminders({ ctx: { db: database.db, now: ctx.now } });
      await deliver();
    };
    const { channel } = await createChannel({
      ctx: withPolicy(ctx, deps),
      input: {
        name: "hook",
        kind: "webhook",
        url: receiver.url("/hook"),
        enabled: true,
        isDefault: true,
      },
    });
    const monitor = await makeMonitor(ctx, target.url("/api"), {
      confirmations: 1,
      reminderHours: 1,
    });
    const check = async (status: number) => {
      target.set("/api", { status });
      const outcome = await runCheck({ ctx, monitorId: monitor.id, options: deps });
      await deliver();
      return outcome?.flip;
    };
    await check(200);
    advance(120);
    const firstDown = await check(500); // an outage that ends: its messages may go
    advance(HOUR / 2);
    await sendTestNotification({ ctx: { ...ctx, alerts: deps }, input: { channelId: channel.id } });
    for (let n = 1; n <= 2; n++) {
      advance(HOUR);
      await remind();
    }
    advance(120);
    await check(200);
    advance(HOUR);
    const secondDown = await check(500); // the outage still open at the end
    for (let n = 1; n <= 3; n++) {
      advance(HOUR);
      await remind();
    }
    const sent = await database.db
      .select({ id: alertMessages.id, summary: alertMessages.summary })
      .from(alertMessages)
      .where(eq(alertMessages.channelId, channel.id))
      .orderBy(asc(alertMessages.createdAt));
    expect(sent).toHaveLength(9);
    expect(receiver.received("/hook")).toHaveLength(9);
    // Of the first outage's reminders, one failed for good and one is still being retried.
    const [firstAlert, testMessage, reminder1, reminder2, recovery, ...open] = sent;
    await database.db
      .update(alertMessages)
      .set({ status: "failed" })
      .where(eq(alertMessages.id, reminder1?.id ?? ""));
    await database.db
      .update(alertMessages)
      .set({ status: "retrying" })
      .where(eq(alertMessages.id, reminder2?.id ?? ""));

    // Fifteen days on, with reminders now weekly: the open outage is at reminder 2 again.
    await database.db
      .update(monitors)
      .set({ reminderHours: 168 })
      .where(eq(monitors.id, monitor.id));
    advance(15 * DAY);
    expect(await pruneAlertLog(database.db, ctx.now(), 14, 2)).toBe(4);
    expect(await pruneAlertLog(database.db, ctx.now(), 14, 2)).toBe(0);
    const kept = await database.db
      .select({ id: alertMessages.id })
      .from(alertMessages)
      .where(eq(alertMessages.channelId, channel.id));
    expect(kept.map((m) => m.id).sort()).toEqual([reminder2, ...open].map((m) => m?.id).sort());
    expect([firstAlert, testMessage, reminder1, recovery].map((m) => m?.id)).not.toContain(
      kept[0]?.id,
    );
    const outbox = async (flipId: string | undefined) =>
      (
        await database.db
          .select({ reminder: alertDeliveries.reminder })
          .from(alertDeliveries)
          .where(eq(alertDeliveries.flipId, flipId ?? ""))
          .orderBy(asc(alertDeliveries.reminder))
      ).map((d) => d.reminder);
    expect(await outbox(firstDown?.flipId)).toEqual([2]);
    expect(await outbox(secondDown?.flipId)).toEqual([0, 1, 2, 3]);

    // Nothing goes out again: reminder 2 of the open outage was sent, and so was 3.
    await remind();
    expect(receiver.received("/hook")).toHaveLength(9);
    advance(14 * DAY);
    await remind();
    expect(receiver.received("/hook")).toHaveLength(10);
    expect(await outbox(secondDown?.flipId)).toEqual([0, 1, 2, 3, 4]);
  });
});
