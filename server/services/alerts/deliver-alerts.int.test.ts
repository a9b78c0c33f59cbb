import { createHmac, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { Webhook, WebhookVerificationError } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { alertMessages, type Monitor } from "@/db/schema";
import { openDatabase } from "@/db/client";
import { createTestDatabase, testDbKind, type TestDatabase } from "@/db/testing/test-database";
import { workspaceWithClock } from "@/db/testing/factories";
import { makeMonitor, withPolicy } from "@/db/testing/make-monitor";
import { makeHeartbeat, pingAt } from "@/db/testing/make-heartbeat";
import { startTestTarget, type TestTarget } from "@/testing/checks/start-test-target";
import { startReceiver, type TestReceiver } from "@/testing/alerts/start-receiver";
import type { WorkspaceCtx } from "@/server/services/context";
import { runCheck } from "@/server/services/checks/run-due-checks";
import { createChannel } from "@/server/services/alerts/create-channel";
import {
  claimLane,
  deliverDueAlerts,
  driveFlipDelivery,
  LANE_LEASE_MS,
  lanesOfFlip,
  processLane,
  type AlertDeps,
} from "@/server/services/alerts/deliver-alerts";
import { pickMessages } from "@/server/services/alerts/pick-messages";
import { recordAttempts } from "@/server/services/alerts/record-attempts";
import { listAlertMessages } from "@/server/services/alerts/list-alert-messages";
import { updateChannel } from "@/server/services/alerts/manage-channels";
import { queueReminders } from "@/server/services/alerts/queue-reminders";
import { createStatusPage } from "@/server/services/status-pages/create-status-page";
import { setPageSubjects } from "@/server/services/status-pages/set-page-subjects";
import { createStatusPageInput } from "@/server/services/status-pages/status-page-settings";

const guard = { privateTargets: "all" } as const;
const deps: AlertDeps = {
  privateTargets: "all",
  allowPrivateTargets: true,
  timeoutMs: 500,
  smtp: undefined,
  baseUrl: "https://vigil.example.com",
};
type Body = {
  event: string;
  delivery: string;
  title: string;
  flip_ids: string[];
  subject: { name: string; url: string };
  flips: {
    id: string;
    alert: string;
    from: string;
    to: string;
    in_old_state_ms: number;
    outage_ms: number | null;
  }[];
};
const bodyOf = (r: { body: string }) => JSON.parse(r.body) as Body;

describe(`alert delivery on ${testDbKind()}`, () => {
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

  async function webhookChannel(ctx: WorkspaceCtx, isDefault = true, givenSecret?: string) {
    const path = `/hook-${randomUUID()}`;
    const { channel, secret } = await createChannel({
      ctx: withPolicy(ctx, guard),
      input: {
        name: `hook ${path}`,
        kind: "webhook",
        url: receiver.url(path),
        enabled: true,
        isDefault,
        ...(givenSecret ? { secret: givenSecret } : {}),
      },
    });
    return { channel, secret: secret ?? "", path };
  }

  async function monitorOn(ctx: WorkspaceCtx, confirmations = 1, intervalSecs = 60) {
    const path = `/${randomUUID()}`;
    const monitor = await makeMonitor(ctx, target.url(path), {
      name: `api ${path}`,
      confirmations,
      intervalSecs,
      retryIntervalSecs: Math.min(20, intervalSecs),
    });
    return { monitor, path };
  }

  async function check(ctx: WorkspaceCtx, monitor: Monitor) {
    const outcome = await runCheck({ ctx, monitorId: monitor.id, options: guard });
    if (!outcome) throw new Error("the monitor was not due");
    return outcome;
  }

  const deliver = (ctx: WorkspaceCtx) =>
    deliverDueAlerts({ ctx: { db: database.db, now: ctx.now, alerts: deps } });

  it("sends a down and a recovery message to every channel, with the right durations", async () => {
    const { ctx, advance } = await workspaceWithClock(database.db);
    const a = await webhookChannel(ctx);
    const b = await webhookChannel(ctx);
    const { monitor, path } = await monitorOn(ctx);
    await check(ctx, monitor); // pending → up: no alert
    await deliver(ctx);
    expect(receiver.received(a.path)).toHaveLength(0);

    advance(60);
    target.set(path, { status: 500 });
    expect((await check(ctx, monitor)).flip).toMatchObject({ from: "up", to: "down" });
    await deliver(ctx);
    advance(120);
    target.set(path, { status: 200 });
    expect((await check(ctx, monitor)).flip).toMatchObject({ from: "down", to: "up" });
    await deliver(ctx);

    for (const ch of [a, b]) {
      const got = receiver.received(ch.path).map(bodyOf);
      expect(got).toHaveLength(2);
      expect(got[0]).toMatchObject({ event: "alert", title: `${monitor.name} is DOWN` });
      expect(got[0]?.flips[0]).toMatchObject({
        alert: "down",
        from: "up",
        to: "down",
        in_old_state_ms: 60_000,
      });
      expect(got[0]?.subject.url).toBe(
        `https://vigil.example.com/dashboard/monitors/${monitor.id}`,
      );
      expect(got[1]?.title).toBe(`${monitor.name} is up again after 2 min`);
      expect(got[1]?.flips[0]).toMatchObject({ alert: "recovery", outage_ms: 120_000 });
    }
    const log = await listAlertMessages({ ctx, input: { subjectId: monitor.id } });
    expect(log.map((m) => [m.status, m.attempts])).toEqual([
      ["delivered", 1],
      ["delivered", 1],
      ["delivered", 1],
      ["delivered", 1],
    ]);
  });

  it("sends nothing for a blip that never flipped", async () => {
    const { ctx, advance } = await workspaceWithClock(database.db);
    const hook = await webhookChannel(ctx);
    const { monitor, path } = await monitorOn(ctx, 2);
    await check(ctx, monitor);
    advance(60);
    target.set(path, { status: 500 });
    expect((await check(ctx, monitor)).flip).toBeNull();
    advance(20);
    target.set(path, { status: 200 });
    expect((await check(ctx, monitor)).flip).toBeNull();
    await deliver(ctx);
    expect(receiver.received(hook.path)).toHaveLength(0);
    expect(await listAlertMessages({ ctx })).toHaveLength(0);
  });

  it("retries a receiver that fails twice and delivers once, three attempts logged", async () => {
    const { ctx, advance } = await workspaceWithClock(database.db);
    const hook = await webhookChannel(ctx);
    receiver.answer(hook.path, 500, 503);
    const { monitor, path } = await monitorOn(ctx);
    await check(ctx, monitor);
    advance(60);
    target.set(path, { status: 500 });
    await check(ctx, monitor);
    await deliver(ctx);
    let [message] = await listAlertMessages({ ctx, input: { channelId: hook.channel.id } });
    expect(message).toMatchObject({
      status: "retrying",
      attempts: 1,
      lastError: "HTTP 500: receiver says no (500)",
    });
    await deliver(ctx); // not due yet: nothing is sent
    expect(receiver.received(hook.path)).toHaveLength(1);
    advance(15);
    await deliver(ctx);
    advance(30);
    await deliver(ctx);
    [message] = await listAlertMessages({ ctx, input: { channelId: hook.channel.id } });
    expect(message).toMatchObject({ status: "delivered", attempts: 3 });
    const got = receiver.received(hook.path);
    expect(got.map((r) => r.answer)).toEqual([500, 503, 200]);
    // Every attempt carries the same body and idempotency key.
    expect(new Set(got.map((r) => r.headers["x-vigil-delivery"])).size).toBe(1);
    expect(new Set(got.map((r) => r.body)).size).toBe(1);
  });

  it("times out a receiver that hangs, and retries it", async () => {
    const { ctx, advance } = await workspaceWithClock(database.db);
    const hook = await webhookChannel(ctx);
    receiver.answer(hook.path, "hang");
    const { monitor, path } = await monitorOn(ctx);
    await check(ctx, monitor);
    advance(60);
    target.set(path, { status: 500 });
    await check(ctx, monitor);
    const started = Date.now();
    await deliver(ctx);
    expect(Date.now() - started).toBeLessThan(3000);
    let [message] = await listAlertMessages({ ctx, input: { channelId: hook.channel.id } });
    expect(message).toMatchObject({ status: "retrying", attempts: 1 });
    expect(message?.lastError).toMatch(/did not answer within 500 ms/);
    advance(15);
    await deliver(ctx);
    [message] = await listAlertMessages({ ctx, input: { channelId: hook.channel.id } });
    expect(message).toMatchObject({ status: "delivered", attempts: 2 });
  });

  it("never re-sends or reopens a message when a send outlives its lease", async () => {
    const { ctx, advance } = await workspaceWithClock(database.db);
    const hook = await webhookChannel(ctx);
    const { monitor, path } = await monitorOn(ctx);
    await check(ctx, monitor);
    advance(60);
    target.set(path, { status: 500 });
    const flip = (await check(ctx, monitor)).flip;
    const [lane] = await lanesOfFlip({
      ctx: { db: database.db, now: ctx.now },
      input: { flipId: flip?.flipId ?? "" },
    });
    const laneId = lane?.laneId ?? "";
    const svc = { db: database.db, now: ctx.now };

    // Worker A leases the lane and picks the message; its send then hangs past the lease.
    const leaseA = await claimLane(database.db, laneId, ctx.now());
    expect(leaseA).not.toBeNull();
    const pickedA = await pickMessages(svc, leaseA ? [leaseA] : [], deps);
    expect(pickedA.works).toHaveLength(1);
    advance(LANE_LEASE_MS / 1000 + 1);

    // Worker B claims the expired lane and delivers the message A still holds as "sending".
    const leaseB = await claimLane(database.db, laneId, ctx.now());
    expect(leaseB).not.toBeNull();
    expect(await processLane(svc, leaseB ?? { id: "", token: "" }, deps)).toMatchObject({
      sent: "delivered",
    });
    expect(receiver.received(hook.path)).toHaveLength(1);

    // A records its timed-out send late: the message stays delivered, the lane stays free.
    const [workA] = pickedA.works;
    if (!workA) throw new Error("worker A picked nothing");
    await recordAttempts(svc, [{ ...workA, error: "did not answer", at: ctx.now() }]);
    let [message] = await listAlertMessages({ ctx, input: { channelId: hook.channel.id } });
    expect(message).toMatchObject({ status: "delivered", attempts: 1, lastError: null });

    // The per-flip driver and the sweep see it settled and send nothing more.
    advance(120);
    expect(
      await driveFlipDelivery({
        ctx: { ...svc, alerts: deps },
        input: { flipId: flip?.flipId ?? "", laneId },
      }),
    ).toEqual({
      settled: true,
      nextAt: null,
    });
    await deliver(ctx);
    expect(receiver.received(hook.path)).toHaveLength(1);
    [message] = await listAlertMessages({ ctx, input: { channelId: hook.channel.id } });
    expect(message).toMatchObject({ status: "delivered", attempts: 1 });
  });

  it("refuses to pick a message under a lease that already ran out", async () => {
    const { ctx, advance } = await workspaceWithClock(database.db);
    const hook = await webhookChannel(ctx);
    const { monitor, path } = await monitorOn(ctx);
    await check(ctx, monitor);
    advance(60);
    target.set(path, { status: 500 });
    const flip = (await check(ctx, monitor)).flip;
    const [lane] = await lanesOfFlip({
      ctx: { db: database.db, now: ctx.now },
      input: { flipId: flip?.flipId ?? "" },
    });
    const lease = await claimLane(database.db, lane?.laneId ?? "", ctx.now());
    advance(LANE_LEASE_MS / 1000 + 1);
    const picked = await pickMessages(
      { db: database.db, now: ctx.now },
      lease ? [lease] : [],
      deps,
    );
    expect(picked.works).toHaveLength(0);
    // The lane is still due, so the next sweep delivers it once.
    await deliver(ctx);
    expect(receiver.received(hook.path)).toHaveLength(1);
  });

  it("stops retrying when the channel is disabled, and frees its lane", async () => {
    const { ctx, advance } = await workspaceWithClock(database.db);
    const hook = await webhookChannel(ctx);
    receiver.answer(hook.path, 500);
    const { monitor, path } = await monitorOn(ctx);
    await check(ctx, monitor);
    advance(60);
    target.set(path, { status: 500 });
    const down = (await check(ctx, monitor)).flip;
    await deliver(ctx);
    let [message] = await listAlertMessages({ ctx, input: { channelId: hook.channel.id } });
    expect(message).toMatchObject({ status: "retrying", attempts: 1 });

    await updateChannel({
      ctx: withPolicy(ctx, guard),
      input: { channelId: hook.channel.id, changes: { enabled: false } },
    });
    advance(15);
    await deliver(ctx);
    expect(receiver.received(hook.path)).toHaveLength(1);
    [message] = await listAlertMessages({ ctx, input: { channelId: hook.channel.id } });
    expect(message).toMatchObject({
      status: "failed",
      attempts: 1,
      lastError: "the channel is disabled",
    });
    const [lane] = await lanesOfFlip({
      ctx: { db: database.db, now: ctx.now },
      input: { flipId: down?.flipId ?? "" },
    });
    expect(
      await driveFlipDelivery({
        ctx: { db: database.db, now: ctx.now, alerts: deps },
        input: { flipId: down?.flipId ?? "", laneId: lane?.laneId ?? "" },
      }),
    ).toEqual({ settled: true, nextAt: null });

    // Enabled again, the lane is free: the next flip goes out at once.
    await updateChannel({
      ctx: withPolicy(ctx, guard),
      input: { channelId: hook.channel.id, changes: { enabled: true } },
    });
    advance(60);
    target.set(path, { status: 200 });
    await check(ctx, monitor);
    await deliver(ctx);
    const got = receiver.received(hook.path).map(bodyOf);
    expect(got.map((b) => b.title)).toEqual([
      `${monitor.name} is DOWN`,
      expect.stringMatching(/is up again/),
    ]);
  });

  it("signs the raw body with the channel secret", async () => {
    const { ctx, advance } = await workspaceWithClock(database.db);
    const hook = await webhookChannel(ctx);
    expect(hook.secret).toMatch(/^whsec_/);
    const { monitor, path } = await monitorOn(ctx);
    await check(ctx, monitor);
    advance(60);
    target.set(path, { status: 500 });
    const flip = (await check(ctx, monitor)).flip;
    await deliver(ctx);
    const [req] = receiver.received(hook.path);
    const expected = `sha256=${createHmac("sha256", hook.secret)
      .update(req?.body ?? "")
      .digest("hex")}`;
    expect(req?.headers["x-vigil-signature-256"]).toBe(expected);
    expect(req?.headers["x-vigil-delivery"]).toBe(`${flip?.flipId}.${hook.channel.id}`);
  });

  it("signs by Standard Webhooks too: the standardwebhooks library verifies it, and refuses a late replay", async () => {
    for (const given of [undefined, "a secret typed by hand, ünïcode"]) {
      const { ctx, advance } = await workspaceWithClock(database.db);
      const hook = await webhookChannel(ctx, true, given);
      const { monitor, path } = await monitorOn(ctx);
      await check(ctx, monitor);
      advance(60);
      target.set(path, { status: 500 });
      const flip = (await check(ctx, monitor)).flip;
      await deliver(ctx);
      const [req] = receiver.received(hook.path);
      const headers = req?.headers as Record<string, string>;
      expect(headers["webhook-id"]).toBe(`${flip?.flipId}.${hook.channel.id}`);
      expect(Math.abs(Number(headers["webhook-timestamp"]) - Date.now() / 1000)).toBeLessThan(30);
      expect(headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
      expect(headers["x-vigil-signature-256"]).toMatch(/^sha256=/);
      // The documented mapping: receivers pass "whsec_" + base64 of the channel secret's UTF-8 bytes.
      const verifier = new Webhook(`whsec_${Buffer.from(hook.secret).toString("base64")}`);
      expect(verifier.verify(req?.body ?? "", headers)).toMatchObject({
        delivery: headers["webhook-id"],
      });
      expect(() =>
        new Webhook("whsec_" + Buffer.from("wrong").toString("base64")).verify(
          req?.body ?? "",
          headers,
        ),
      ).toThrow(WebhookVerificationError);
      const realNow = Date.now;
      Date.now = () => realNow() + 10 * 60_000;
      try {
        expect(() => verifier.verify(req?.body ?? "", headers)).toThrow(/too old/);
      } finally {
        Date.now = realNow;
      }
    }
  });

  it("folds a flapping subject into one message a minute that lists every flip", async () => {
    const { ctx, advance } = await workspaceWithClock(database.db);
    const hook = await webhookChannel(ctx);
    const { monitor, path } = await monitorOn(ctx, 1, 10);
    await check(ctx, monitor);
    const flipIds: string[] = [];
    for (const status of [500, 200, 500, 200]) {
      advance(10);
      target.set(path, { status });
      const { flip } = await check(ctx, monitor);
      flipIds.push(flip?.flipId ?? "");
      await deliver(ctx);
    }
    expect(receiver.received(hook.path)).toHaveLength(1); // the first down, at once
    advance(30); // 60 s after the first message
    await deliver(ctx);
    const got = receiver.received(hook.path).map(bodyOf);
    expect(got).toHaveLength(2);
    expect(got[0]?.flip_ids).toEqual([flipIds[0]]);
    expect(got[1]?.flip_ids).toEqual(flipIds.slice(1));
    expect(got[1]?.title).toBe(`${monitor.name} flipped 3 times, now up`);
    expect(got[1]?.delivery).toBe(`${flipIds[3]}.${hook.channel.id}`);
  });

  it("reminds every N hours while still down, one reminder however late it looks", async () => {
    const { ctx, advance } = await workspaceWithClock(database.db);
    const hook = await webhookChannel(ctx);
    const path = `/${randomUUID()}`;
    const monitor = await makeMonitor(ctx, target.url(path), {
      name: "billing",
      confirmations: 1,
      reminderHours: 1,
    });
    await check(ctx, monitor);
    advance(60);
    target.set(path, { status: 500 });
    const down = (await check(ctx, monitor)).flip;
    await deliver(ctx);
    advance(1800);
    expect(await queueReminders({ ctx: { db: database.db, now: ctx.now } })).toBe(0);
    advance(1800);
    expect(await queueReminders({ ctx: { db: database.db, now: ctx.now } })).toBe(1);
    expect(await queueReminders({ ctx: { db: database.db, now: ctx.now } })).toBe(0);
    await deliver(ctx);
    advance(2 * 3600 + 60); // a stop of two hours: one reminder, not a backlog
    expect(await queueReminders({ ctx: { db: database.db, now: ctx.now } })).toBe(1);
    await deliver(ctx);
    const got = receiver.received(hook.path);
    expect(got.map((r) => bodyOf(r).title)).toEqual([
      "billing is DOWN",
      "Reminder: billing is still DOWN, for 1 h",
      "Reminder: billing is still DOWN, for 3 h 1 min",
    ]);
    expect(got[1]?.headers["x-vigil-delivery"]).toBe(
      `${down?.flipId}.${hook.channel.id}.reminder-1`,
    );
    expect(bodyOf(got[1] ?? { body: "{}" }).event).toBe("reminder");
  });

  it("settles a flip by its own delivery, whatever its reminders are doing", async () => {
    const { ctx, advance } = await workspaceWithClock(database.db);
    const hook = await webhookChannel(ctx);
    const path = `/${randomUUID()}`;
    const monitor = await makeMonitor(ctx, target.url(path), {
      confirmations: 1,
      reminderHours: 1,
    });
    await check(ctx, monitor);
    advance(60);
    target.set(path, { status: 500 });
    const down = (await check(ctx, monitor)).flip;
    await deliver(ctx);
    advance(3600);
    receiver.answer(hook.path, 500);
    expect(await queueReminders({ ctx: { db: database.db, now: ctx.now } })).toBe(1);
    await deliver(ctx); // the reminder fails and waits for its retry
    const [lane] = await lanesOfFlip({
      ctx: { db: database.db, now: ctx.now },
      input: { flipId: down?.flipId ?? "" },
    });
    expect(lane).toBeDefined();
    const drive = () =>
      driveFlipDelivery({
        ctx: { db: database.db, now: ctx.now, alerts: deps },
        input: { flipId: down?.flipId ?? "", laneId: lane?.laneId ?? "" },
      });
    expect(await drive()).toEqual({ settled: true, nextAt: null });
    advance(15);
    expect(await drive()).toEqual({ settled: true, nextAt: null });
  });

  it("links to the public status page that shows the subject, never a private or hiding one", async () => {
    const { ctx, advance } = await workspaceWithClock(database.db);
    const hook = await webhookChannel(ctx);
    const slug = (label: string) => `${label}-${randomUUID().slice(0, 8)}`;
    await createStatusPage({
      ctx,
      input: createStatusPageInput.parse({ slug: slug("private"), title: "Internal" }),
    });
    const hiding = await createStatusPage({
      ctx,
      input: createStatusPageInput.parse({
        slug: slug("hiding"),
        title: "Hides it",
        visibility: "public",
      }),
    });
    const shows = await createStatusPage({
      ctx,
      input: createStatusPageInput.parse({
        slug: slug("shows"),
        title: "Shows it",
        visibility: "public",
      }),
    });
    const { monitor, path } = await monitorOn(ctx);
    await setPageSubjects({
      ctx,
      input: {
        statusPageId: hiding.id,
        items: [{ subjectKind: "monitor", subjectId: monitor.id, hidden: true, position: null }],
      },
    });
    await check(ctx, monitor);
    advance(60);
    target.set(path, { status: 500 });
    await check(ctx, monitor);
    await deliver(ctx);
    const [req] = receiver.received(hook.path);
    const body = JSON.parse(req?.body ?? "{}") as { subject: { status_page_url: string } };
    expect(body.subject.status_page_url).toBe(`https://vigil.example.com/status/${shows.slug}`);
  });

  it("alerts a heartbeat that fails and recovers, on its channels only", async () => {
    const { ctx, advance } = await workspaceWithClock(database.db);
    const chosen = await webhookChannel(ctx, false);
    const other = await webhookChannel(ctx, true);
    const hb = await makeHeartbeat(ctx, {
      name: "nightly backup",
      channelIds: [chosen.channel.id],
    });
    await pingAt(database.db, hb.token, ctx.now());
    advance(30);
    await pingAt(database.db, hb.token, ctx.now(), { kind: "fail" });
    await deliver(ctx);
    advance(90);
    await pingAt(database.db, hb.token, ctx.now());
    await deliver(ctx);
    const got = receiver.received(chosen.path).map(bodyOf);
    expect(got.map((b) => b.title)).toEqual([
      "nightly backup is FAILED",
      "nightly backup is up again after 1 min 30 s",
    ]);
    expect(receiver.received(other.path)).toHaveLength(0);
  });

  if (testDbKind() === "postgres") {
    it("delivers once when two workers on one PostgreSQL race for the same lanes", async () => {
      const { ctx, advance } = await workspaceWithClock(database.db);
      const hook = await webhookChannel(ctx);
      const monitors = await Promise.all(Array.from({ length: 20 }, () => monitorOn(ctx)));
      for (const m of monitors) await check(ctx, m.monitor);
      advance(60);
      for (const m of monitors) {
        target.set(m.path, { status: 500 });
        await check(ctx, m.monitor);
      }
      const second = await openDatabase({ kind: "postgres", url: database.url ?? "", max: 5 });
      try {
        await Promise.all([
          deliverDueAlerts({
            ctx: { db: database.db, now: ctx.now, alerts: deps },
            input: { concurrency: 4 },
          }),
          deliverDueAlerts({
            ctx: { db: second.db, now: ctx.now, alerts: deps },
            input: { concurrency: 4 },
          }),
          deliverDueAlerts({
            ctx: { db: second.db, now: ctx.now, alerts: deps },
            input: { concurrency: 4 },
          }),
        ]);
      } finally {
        await second.close();
      }
      const keys = receiver.received(hook.path).map((r) => r.headers["x-vigil-delivery"]);
      expect(keys).toHaveLength(20);
      expect(new Set(keys).size).toBe(20);
      const rows = await database.db
        .select()
        .from(alertMessages)
        .where(eq(alertMessages.channelId, hook.channel.id));
      expect(rows.map((r) => r.status)).toEqual(Array(20).fill("delivered"));
    });
  }
});
