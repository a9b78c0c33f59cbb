import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Monitor } from "@/db/schema";
import { createTestDatabase, testDbKind, type TestDatabase } from "@/db/testing/test-database";
import { workspaceWithClock } from "@/db/testing/factories";
import { anyTarget, makeMonitor, withPolicy } from "@/db/testing/make-monitor";
import { startTestTarget, type TestTarget } from "@/testing/checks/start-test-target";
import { startSmtp, type TestSmtp } from "@/testing/alerts/start-smtp";
import type { WorkspaceCtx } from "@/server/services/context";
import { runCheck } from "@/server/services/checks/run-due-checks";
import { createChannel } from "@/server/services/alerts/create-channel";
import { getChannel, updateChannel } from "@/server/services/alerts/manage-channels";
import { deliverDueAlerts, type AlertDeps } from "@/server/services/alerts/deliver-alerts";
import { listAlertMessages } from "@/server/services/alerts/list-alert-messages";
import { sendTestNotification } from "@/server/services/alerts/send-test-notification";
import { confirmEmail, findEmailConfirmation } from "@/server/services/alerts/confirm-email";
import { resendConfirmation } from "@/server/services/alerts/resend-confirmation";
import { NOT_CONFIRMED } from "@/server/services/alerts/email-confirmations";
import { channelJson } from "@/server/http/api-v1/channel-json";

describe(`email recipients confirm before they are mailed, on ${testDbKind()}`, () => {
  let database: TestDatabase;
  let target: TestTarget;
  let smtp: TestSmtp;
  let deps: AlertDeps;

  beforeAll(async () => {
    database = await createTestDatabase();
    target = await startTestTarget();
    smtp = await startSmtp();
    deps = {
      privateTargets: "all",
      allowPrivateTargets: true,
      timeoutMs: 5000,
      smtp: { url: smtp.url, from: "Vigil <vigil@example.com>" },
      baseUrl: "https://vigil.example.com",
    };
  });
  afterAll(async () => {
    await smtp.close();
    await target.close();
    await database.drop();
  });

  const address = (label: string) => `${label}-${randomUUID().slice(0, 8)}@example.com`;

  async function emailChannel(ctx: WorkspaceCtx, to: string) {
    return createChannel({
      ctx: { ...withPolicy(ctx, anyTarget), alerts: deps },
      input: { name: "On-call mail", kind: "email", to, enabled: true, isDefault: true },
    });
  }

  /** A monitor on the workspace's default channels, checked up once: the next failure flips it. */
  async function upMonitor(ctx: WorkspaceCtx) {
    const path = `/${randomUUID()}`;
    const monitor = await makeMonitor(ctx, target.url(path), { confirmations: 1 });
    await check(ctx, monitor);
    return { monitor, path };
  }

  async function check(ctx: WorkspaceCtx, monitor: Monitor) {
    const outcome = await runCheck({ ctx, monitorId: monitor.id, options: anyTarget });
    if (!outcome) throw new Error("the monitor was not due");
    return outcome;
  }

  const deliver = (ctx: WorkspaceCtx) =>
    deliverDueAlerts({ ctx: { db: database.db, now: ctx.now, alerts: deps } });

  it("mails exactly one confirmation per new address, and no alert", async () => {
    const { ctx } = await workspaceWithClock(database.db);
    const [a, b] = [address("a"), address("b")];
    const { channel, confirmations } = await emailChannel(ctx, `${a}, ${b}`);
    expect(confirmations).toEqual([
      { email: a, error: null },
      { email: b, error: null },
    ]);
    for (const who of [a, b]) {
      const mails = smtp.to(who);
      expect(mails).toHaveLength(1);
      expect(mails[0]?.to).toEqual([who]);
      expect(mails[0]?.subject).toBe(`Confirm Vigil alerts for ${who}`);
      expect(mails[0]?.raw).toContain('to the alert channel "On-call mail"');
      expect(mails[0]?.raw).toContain("Vigil sends nothing to this address unless you confirm");
    }
    expect(channel.recipients).toEqual([
      { email: a, confirmed: false, sentAt: ctx.now() },
      { email: b, confirmed: false, sentAt: ctx.now() },
    ]);
    expect(channelJson(channel)).toMatchObject({
      status: "unconfirmed",
      recipients: [
        { email: a, confirmed: false },
        { email: b, confirmed: false },
      ],
    });
    // What the link shows before anyone clicks: nothing is confirmed by opening it.
    const token = smtp.tokenFor(a) ?? "";
    expect(await findEmailConfirmation({ ctx, input: { token } })).toMatchObject({
      email: a,
      channelName: "On-call mail",
      confirmed: false,
    });
    expect(
      (await getChannel({ ctx, input: { channelId: channel.id } })).recipients?.[0]?.confirmed,
    ).toBe(false);
  });

  it("sends no alert to an unconfirmed address and logs why, without retrying", async () => {
    const { ctx, advance } = await workspaceWithClock(database.db);
    const who = address("pending");
    const { channel } = await emailChannel(ctx, who);
    const { monitor, path } = await upMonitor(ctx);
    advance(60);
    target.set(path, { status: 500 });
    expect((await check(ctx, monitor)).flip).toMatchObject({ to: "down" });
    await deliver(ctx);
    expect(smtp.to(who)).toHaveLength(1); // the confirmation only
    const log = await listAlertMessages({ ctx, input: { channelId: channel.id } });
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ status: "failed", lastError: NOT_CONFIRMED, attempts: 0 });
    advance(3600);
    await deliver(ctx);
    expect(smtp.to(who)).toHaveLength(1);
    expect(await listAlertMessages({ ctx, input: { channelId: channel.id } })).toHaveLength(1);

    const test = await sendTestNotification({
      ctx: { ...ctx, alerts: deps },
      input: { channelId: channel.id },
    });
    expect(test).toMatchObject({ delivered: false, error: NOT_CONFIRMED });
    expect(smtp.to(who)).toHaveLength(1);
  });

  it("delivers once the address confirmed through its link, and only to confirmed addresses", async () => {
    const { ctx, advance } = await workspaceWithClock(database.db);
    const [yes, no] = [address("yes"), address("no")];
    const { channel } = await emailChannel(ctx, `${yes},${no}`);
    const token = smtp.tokenFor(yes) ?? "";
    expect(
      await confirmEmail({ ctx: { db: database.db, now: ctx.now }, input: { token } }),
    ).toMatchObject({
      email: yes,
      confirmed: true,
    });
    // A second click (or a scanner) changes nothing.
    expect(await confirmEmail({ ctx, input: { token } })).toMatchObject({ confirmed: true });
    const shown = await getChannel({ ctx, input: { channelId: channel.id } });
    expect(shown.recipients?.map((r) => r.confirmed)).toEqual([true, false]);
    expect(channelJson(shown).status).toBe("unconfirmed");

    const { monitor, path } = await upMonitor(ctx);
    advance(60);
    target.set(path, { status: 500 });
    await check(ctx, monitor);
    await deliver(ctx);
    const alerts = smtp.to(yes).filter((m) => !m.subject.startsWith("Confirm"));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.to).toEqual([yes]);
    expect(smtp.to(no)).toHaveLength(1);
    expect((await listAlertMessages({ ctx, input: { channelId: channel.id } }))[0]).toMatchObject({
      status: "delivered",
    });
    expect(
      await sendTestNotification({
        ctx: { ...ctx, alerts: deps },
        input: { channelId: channel.id },
      }),
    ).toMatchObject({
      delivered: true,
    });
    expect(smtp.to(no)).toHaveLength(1);
  });

  it("gives up a message still retrying once its channel has no confirmed address left", async () => {
    const { ctx, advance } = await workspaceWithClock(database.db);
    const [old, fresh] = [address("old"), address("fresh")];
    const { channel } = await emailChannel(ctx, old);
    await confirmEmail({ ctx, input: { token: smtp.tokenFor(old) ?? "" } });
    const { monitor, path } = await upMonitor(ctx);
    advance(60);
    target.set(path, { status: 500 });
    await check(ctx, monitor);
    const down = { ...deps, smtp: { url: "smtp://127.0.0.1:1", from: "v@example.com" } };
    await deliverDueAlerts({ ctx: { db: database.db, now: ctx.now, alerts: down } });
    expect((await listAlertMessages({ ctx, input: { channelId: channel.id } }))[0]?.status).toBe(
      "retrying",
    );

    await updateChannel({
      ctx: { ...withPolicy(ctx, anyTarget), alerts: deps },
      input: { channelId: channel.id, changes: { to: fresh } },
    });
    advance(60);
    await deliver(ctx);
    expect((await listAlertMessages({ ctx, input: { channelId: channel.id } }))[0]).toMatchObject({
      status: "failed",
      lastError: NOT_CONFIRMED,
    });
    expect(smtp.to(fresh).map((m) => m.subject)).toEqual([`Confirm Vigil alerts for ${fresh}`]);
    expect(smtp.to(old)).toHaveLength(1);
  });

  it("asks a changed address to confirm anew, keeps a kept one confirmed, forgets a removed one", async () => {
    const { ctx } = await workspaceWithClock(database.db);
    const [kept, gone, added] = [address("kept"), address("gone"), address("added")];
    const { channel } = await emailChannel(ctx, `${kept}, ${gone}`);
    await confirmEmail({ ctx, input: { token: smtp.tokenFor(kept) ?? "" } });
    const goneToken = smtp.tokenFor(gone) ?? "";

    const renamed = await updateChannel({
      ctx: { ...withPolicy(ctx, anyTarget), alerts: deps },
      input: { channelId: channel.id, changes: { name: "Renamed" } },
    });
    expect(renamed.recipients?.map((r) => r.confirmed)).toEqual([true, false]);
    const updated = await updateChannel({
      ctx: { ...withPolicy(ctx, anyTarget), alerts: deps },
      input: { channelId: channel.id, changes: { to: `${kept.toUpperCase()}, ${added}` } },
    });
    expect(updated.recipients).toEqual([
      { email: kept.toUpperCase(), confirmed: true, sentAt: expect.any(Date) },
      { email: added, confirmed: false, sentAt: ctx.now() },
    ]);
    expect(smtp.to(kept)).toHaveLength(1);
    expect(smtp.to(added)).toHaveLength(1);
    expect(smtp.to(added)[0]?.raw).toContain('"Renamed"');
    await expect(findEmailConfirmation({ ctx, input: { token: goneToken } })).rejects.toMatchObject(
      {
        code: "NOT_FOUND",
      },
    );
  });

  it("resends a pending link at most once per few minutes, and the old link stops working", async () => {
    const { ctx, advance } = await workspaceWithClock(database.db);
    const who = address("resend");
    const { channel } = await emailChannel(ctx, who);
    const first = smtp.tokenFor(who) ?? "";
    await expect(
      resendConfirmation({ ctx: { ...ctx, alerts: deps }, input: { channelId: channel.id } }),
    ).rejects.toMatchObject({
      code: "RATE_LIMITED",
      message: "A confirmation email went out less than 5 minutes ago; please try again in 5 min.",
    });
    advance(5 * 60);
    expect(
      await resendConfirmation({ ctx: { ...ctx, alerts: deps }, input: { channelId: channel.id } }),
    ).toEqual([{ email: who, error: null }]);
    expect(smtp.to(who)).toHaveLength(2);
    const second = smtp.tokenFor(who) ?? "";
    expect(second).not.toBe(first);
    await expect(findEmailConfirmation({ ctx, input: { token: first } })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await confirmEmail({ ctx, input: { token: second } });
    await expect(
      resendConfirmation({ ctx: { ...ctx, alerts: deps }, input: { channelId: channel.id } }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Every address of this channel has confirmed already: there is nothing to resend.",
    });
  });

  it("a link confirms its own channel only; an unknown link and an outsider get not found", async () => {
    const mine = await workspaceWithClock(database.db);
    const theirs = await workspaceWithClock(database.db);
    const who = address("shared");
    const { channel: a } = await emailChannel(mine.ctx, who);
    const tokenA = smtp.tokenFor(who) ?? "";
    const { channel: b } = await emailChannel(theirs.ctx, who);
    // One confirmation mail per address per few minutes, whichever workspace asks.
    expect(smtp.to(who)).toHaveLength(1);
    expect(b.recipients).toEqual([{ email: who, confirmed: false, sentAt: null }]);
    await confirmEmail({ ctx: mine.ctx, input: { token: tokenA } });
    expect(
      (await getChannel({ ctx: theirs.ctx, input: { channelId: b.id } })).recipients,
    ).toMatchObject([{ email: who, confirmed: false }]);
    for (const token of ["", "x", "A".repeat(43), `${tokenA.slice(0, -1)}x`])
      await expect(confirmEmail({ ctx: mine.ctx, input: { token } })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
    await expect(
      resendConfirmation({ ctx: { ...theirs.ctx, alerts: deps }, input: { channelId: a.id } }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("mails an address once per few minutes however often it is removed and added back", async () => {
    const { ctx, advance } = await workspaceWithClock(database.db);
    const [stay, who] = [address("stay"), address("toggled")];
    const { channel } = await emailChannel(ctx, `${stay}, ${who}`);
    for (let i = 0; i < 3; i++) {
      for (const to of [stay, `${stay}, ${who}`])
        await updateChannel({
          ctx: { ...withPolicy(ctx, anyTarget), alerts: deps },
          input: { channelId: channel.id, changes: { to } },
        });
      advance(30);
    }
    expect(smtp.to(who)).toHaveLength(1);
    const shown = await getChannel({ ctx, input: { channelId: channel.id } });
    expect(shown.recipients?.[1]).toEqual({ email: who, confirmed: false, sentAt: null });
    advance(5 * 60);
    await resendConfirmation({ ctx: { ...ctx, alerts: deps }, input: { channelId: channel.id } });
    expect(smtp.to(who)).toHaveLength(2);
    await expect(
      findEmailConfirmation({ ctx, input: { token: smtp.tokenFor(who) ?? "" } }),
    ).resolves.toMatchObject({ email: who });
  });

  it("keeps an address pending when no mail could be sent, so it can be sent again at once", async () => {
    const { ctx } = await workspaceWithClock(database.db);
    const who = address("nosmtp");
    const { channel, confirmations } = await createChannel({
      ctx: { ...withPolicy(ctx, anyTarget), alerts: { ...deps, smtp: undefined } },
      input: { name: "mail", kind: "email", to: who, enabled: true, isDefault: false },
    });
    expect(confirmations[0]?.error).toContain("email is not configured on this server");
    expect(channel.recipients).toEqual([{ email: who, confirmed: false, sentAt: null }]);
    expect(
      await resendConfirmation({ ctx: { ...ctx, alerts: deps }, input: { channelId: channel.id } }),
    ).toEqual([{ email: who, error: null }]);
    expect(smtp.to(who)).toHaveLength(1);
  });
});
