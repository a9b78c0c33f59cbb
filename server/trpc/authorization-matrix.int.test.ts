import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDbKind, type TestDatabase } from "@/db/testing/test-database";
import { TEST_PASSWORD, makeUser, uniqueEmail } from "@/db/testing/factories";
import { SignInLimiter } from "@/server/services/auth/sign-in-limiter";
import { appRouter, createCaller } from "@/server/trpc/root";
import { createTrpcContext } from "@/server/trpc/init";
import type { SessionUser } from "@/server/auth/get-session";
import { systemClock } from "@/server/services/context";
import { startSession } from "@/server/services/sessions/start-session";

// Every procedure of appRouter, found by walking the router: a new one fails this test until it
// is classified here, as public or as protected with an input and what an outsider gets.

/** Procedures anyone may call without a session. */
const PUBLIC = new Set(["account.signUp"]);

type Ids = {
  monitorId: string;
  heartbeatId: string;
  statusPageId: string;
  channelId: string;
  apiKeyId: string;
  incidentId: string;
  updateId: string;
  announcementId: string;
  maintenanceId: string;
};
/**
 * `denied`: an outsider naming the owner's object gets NOT_FOUND or FORBIDDEN.
 * `own`: the call succeeds on the outsider's own account or workspace and shows nothing of the
 * owner's.
 */
type Entry = { input: (ids: Ids) => unknown; outsider: "denied" | "own" };
const none = () => undefined;
const fresh = () => `m-${Math.random().toString(36).slice(2, 10)}`;

const MATRIX: Record<string, Entry> = {
  "account.signUp": {
    input: () => ({ email: uniqueEmail("matrix"), password: TEST_PASSWORD }),
    outsider: "own",
  },
  "account.sessions": { input: none, outsider: "own" },
  "account.signOutOtherSessions": { input: none, outsider: "own" },
  "account.changePassword": {
    input: () => ({ currentPassword: TEST_PASSWORD, newPassword: "Another-Horse-2" }),
    outsider: "own",
  },
  "workspace.current": { input: none, outsider: "own" },
  "monitor.list": { input: none, outsider: "own" },
  "monitor.get": { input: (i) => ({ id: i.monitorId }), outsider: "denied" },
  "monitor.create": {
    input: () => ({ name: "mine", url: "http://127.0.0.1:9/", paused: true }),
    outsider: "own",
  },
  "monitor.update": {
    input: (i) => ({ id: i.monitorId, changes: { name: "stolen" } }),
    outsider: "denied",
  },
  "monitor.delete": { input: (i) => ({ id: i.monitorId }), outsider: "denied" },
  "monitor.pause": { input: (i) => ({ id: i.monitorId }), outsider: "denied" },
  "monitor.resume": { input: (i) => ({ id: i.monitorId }), outsider: "denied" },
  "heartbeat.list": { input: none, outsider: "own" },
  "heartbeat.get": { input: (i) => ({ id: i.heartbeatId }), outsider: "denied" },
  "heartbeat.create": { input: () => ({ name: "mine", intervalSecs: 3600 }), outsider: "own" },
  "heartbeat.update": {
    input: (i) => ({ id: i.heartbeatId, changes: { name: "stolen" } }),
    outsider: "denied",
  },
  "heartbeat.delete": { input: (i) => ({ id: i.heartbeatId }), outsider: "denied" },
  "heartbeat.pause": { input: (i) => ({ id: i.heartbeatId }), outsider: "denied" },
  "heartbeat.resume": { input: (i) => ({ id: i.heartbeatId }), outsider: "denied" },
  "heartbeat.rotateToken": { input: (i) => ({ id: i.heartbeatId }), outsider: "denied" },
  "statusPage.list": { input: none, outsider: "own" },
  "statusPage.get": { input: (i) => ({ id: i.statusPageId }), outsider: "denied" },
  "statusPage.create": { input: () => ({ slug: fresh(), title: "Mine" }), outsider: "own" },
  "statusPage.update": {
    input: (i) => ({ id: i.statusPageId, changes: { title: "Stolen", visibility: "public" } }),
    outsider: "denied",
  },
  "statusPage.delete": { input: (i) => ({ id: i.statusPageId }), outsider: "denied" },
  "statusPage.subjects": { input: (i) => ({ id: i.statusPageId }), outsider: "denied" },
  "statusPage.setSubjects": {
    input: (i) => ({
      id: i.statusPageId,
      items: [{ subjectKind: "monitor", subjectId: i.monitorId, hidden: false, position: 0 }],
    }),
    outsider: "denied",
  },
  "alerts.channels": { input: none, outsider: "own" },
  "alerts.channel": { input: (i) => ({ id: i.channelId }), outsider: "denied" },
  "alerts.createChannel": {
    input: () => ({ name: "mine", kind: "ntfy", url: "http://127.0.0.1:9/mine" }),
    outsider: "own",
  },
  "alerts.updateChannel": {
    input: (i) => ({ id: i.channelId, changes: { name: "stolen" } }),
    outsider: "denied",
  },
  "alerts.deleteChannel": { input: (i) => ({ id: i.channelId }), outsider: "denied" },
  "alerts.sendTest": { input: (i) => ({ id: i.channelId }), outsider: "denied" },
  "alerts.resendConfirmation": { input: (i) => ({ id: i.channelId }), outsider: "denied" },
  "alerts.log": {
    input: (i) => ({ channelId: i.channelId, subjectId: i.monitorId }),
    outsider: "own",
  },
  "alerts.subjectChannelIds": { input: (i) => ({ subjectId: i.monitorId }), outsider: "own" },
  "apiKeys.list": { input: none, outsider: "own" },
  "apiKeys.create": { input: () => ({ name: "mine" }), outsider: "own" },
  "apiKeys.revoke": { input: (i) => ({ id: i.apiKeyId }), outsider: "denied" },
  "overview.get": { input: none, outsider: "own" },
  "incidents.list": { input: () => ({}), outsider: "own" },
  "incidents.get": { input: (i) => ({ incidentId: i.incidentId }), outsider: "denied" },
  "incidents.create": {
    input: (i) => ({
      title: "mine",
      body: "mine",
      subjects: [{ kind: "monitor", id: i.monitorId, impact: "major_outage" }],
    }),
    outsider: "denied",
  },
  "incidents.postUpdate": {
    input: (i) => ({ incidentId: i.incidentId, status: "resolved", body: "stolen" }),
    outsider: "denied",
  },
  "incidents.editUpdate": {
    input: (i) => ({ incidentId: i.incidentId, updateId: i.updateId, body: "stolen" }),
    outsider: "denied",
  },
  "incidents.deleteUpdate": {
    input: (i) => ({ incidentId: i.incidentId, updateId: i.updateId }),
    outsider: "denied",
  },
  "incidents.setPostmortem": {
    input: (i) => ({ incidentId: i.incidentId, postmortem: "stolen" }),
    outsider: "denied",
  },
  "incidents.delete": { input: (i) => ({ incidentId: i.incidentId }), outsider: "denied" },
  "announcements.list": { input: (i) => ({ statusPageId: i.statusPageId }), outsider: "denied" },
  "announcements.create": {
    input: (i) => ({ statusPageId: i.statusPageId, body: "stolen" }),
    outsider: "denied",
  },
  "announcements.delete": {
    input: (i) => ({ statusPageId: i.statusPageId, announcementId: i.announcementId }),
    outsider: "denied",
  },
  "maintenances.list": { input: none, outsider: "own" },
  "maintenances.get": { input: (i) => ({ maintenanceId: i.maintenanceId }), outsider: "denied" },
  "maintenances.preview": {
    input: () => ({ schedule: "0 2 * * 0", durationSecs: 3600, tz: "Europe/Berlin" }),
    outsider: "own",
  },
  "maintenances.create": {
    input: (i) => ({
      title: "mine",
      subjects: [{ kind: "monitor", id: i.monitorId }],
      startsAt: new Date(Date.now() + 3_600_000),
      endsAt: new Date(Date.now() + 7_200_000),
    }),
    outsider: "denied",
  },
  "maintenances.update": {
    input: (i) => ({ maintenanceId: i.maintenanceId, status: "cancelled" }),
    outsider: "denied",
  },
  "maintenances.delete": {
    input: (i) => ({ maintenanceId: i.maintenanceId }),
    outsider: "denied",
  },
  "maintenances.postUpdate": {
    input: (i) => ({ maintenanceId: i.maintenanceId, status: "in_progress", body: "stolen" }),
    outsider: "denied",
  },
};

const procedurePaths = Object.keys(appRouter._def.procedures).sort();

type Caller = ReturnType<typeof createCaller>;
/** Calls a procedure by its dotted path, as the HTTP adapter would. */
function call(caller: Caller, path: string, input: unknown): Promise<unknown> {
  const fn = path
    .split(".")
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (
    input: unknown,
  ) => Promise<unknown>;
  return fn(input);
}

const outcome = (promise: Promise<unknown>) =>
  promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({
      ok: false as const,
      error: error as { code?: string; message?: string },
    }),
  );

describe(`tRPC authorization matrix on ${testDbKind()}`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  const caller = (user: SessionUser | null, workspace: string | null = null) =>
    createCaller(
      createTrpcContext({
        db: database.db,
        user,
        clientIp: "203.0.113.9",
        requestedWorkspaceId: workspace,
        signup: "open",
        privateTargets: "all",
        signInLimiter: new SignInLimiter({ perEmail: 1000, perIp: 1000, windowSecs: 900 }),
      }),
    );

  /** A user signed in `sessions` times (the caller holds the first session). */
  async function signedIn(overrides: { name?: string }, sessions: number) {
    const made = await makeUser(database.db, overrides);
    const ids: string[] = [];
    for (let n = 0; n < sessions; n++) {
      const input = { userId: made.user.id, userAgent: null };
      ids.push((await startSession({ ctx: { db: database.db, now: systemClock }, input })).id);
    }
    const user: SessionUser = { ...made.user, email: made.email, sessionId: ids[0] };
    return { ...made, user };
  }

  it("classifies every procedure of the app router, and only those", () => {
    expect(procedurePaths.length).toBeGreaterThan(30);
    expect(
      procedurePaths.filter((p) => !(p in MATRIX)),
      "procedures with no entry",
    ).toEqual([]);
    expect(
      Object.keys(MATRIX).filter((p) => !procedurePaths.includes(p)),
      "stale",
    ).toEqual([]);
  });

  it("refuses every procedure but the public ones without a session (UNAUTHORIZED)", async () => {
    const ids: Ids = {
      monitorId: crypto.randomUUID(),
      heartbeatId: crypto.randomUUID(),
      statusPageId: crypto.randomUUID(),
      channelId: crypto.randomUUID(),
      apiKeyId: crypto.randomUUID(),
      incidentId: crypto.randomUUID(),
      updateId: crypto.randomUUID(),
      announcementId: crypto.randomUUID(),
      maintenanceId: crypto.randomUUID(),
    };
    for (const path of procedurePaths) {
      const entry = MATRIX[path];
      if (!entry) continue;
      const result = await outcome(call(caller(null), path, entry.input(ids)));
      if (PUBLIC.has(path)) expect(result, path).toMatchObject({ ok: true });
      else expect(result, path).toMatchObject({ ok: false, error: { code: "UNAUTHORIZED" } });
    }
  });

  it("lets an outsider naming another workspace's objects neither see nor change them", async () => {
    const owner = await signedIn({ name: "Owner Secretname" }, 2);
    const outsider = await signedIn({}, 1);
    const mine = caller(owner.user);
    const monitor = await mine.monitor.create({
      name: "owner-monitor-x1",
      url: "http://127.0.0.1:9/owner",
      paused: true,
    });
    const heartbeat = await mine.heartbeat.create({ name: "owner-heartbeat-x1", intervalSecs: 60 });
    const page = await mine.statusPage.create({ slug: fresh(), title: "owner-page-x1" });
    await mine.statusPage.setSubjects({
      id: page.id,
      items: [{ subjectKind: "monitor", subjectId: monitor.id, hidden: false, position: 0 }],
    });
    const { channel } = await mine.alerts.createChannel({
      name: "owner-channel-x1",
      kind: "ntfy",
      url: "http://127.0.0.1:9/owner-topic",
    });
    const key = await mine.apiKeys.create({ name: "owner-key-x1" });
    const incident = await mine.incidents.create({
      title: "owner-incident-x1",
      body: "owner-words",
      subjects: [{ kind: "monitor", id: monitor.id, impact: "partial_outage" }],
    });
    const notice = await mine.announcements.create({ statusPageId: page.id, body: "owner-notice" });
    const maintenance = await mine.maintenances.create({
      title: "owner-maintenance-x1",
      subjects: [{ kind: "monitor", id: monitor.id }],
      startsAt: new Date(Date.now() + 3_600_000),
      endsAt: new Date(Date.now() + 7_200_000),
    });
    const ids: Ids = {
      monitorId: monitor.id,
      heartbeatId: heartbeat.id,
      statusPageId: page.id,
      channelId: channel.id,
      apiKeyId: key.id,
      incidentId: incident.id,
      updateId: incident.updates[0]?.id ?? "",
      announcementId: notice.id,
      maintenanceId: maintenance.id,
    };
    const secrets = [
      owner.workspace.id,
      owner.email,
      "Secretname",
      ...Object.values(ids),
      heartbeat.token,
      key.key,
      key.prefix,
      "owner-",
    ];
    const before = await ownerView();

    // The outsider also asks for the owner's workspace by id: membership decides, not the request.
    const them = caller(outsider.user, owner.workspace.id);
    for (const path of procedurePaths) {
      const entry = MATRIX[path];
      if (!entry || PUBLIC.has(path)) continue;
      const result = await outcome(call(them, path, entry.input(ids)));
      if (entry.outsider === "own") expect(result, path).toMatchObject({ ok: true });
      else
        expect(["NOT_FOUND", "FORBIDDEN"], `${path}: ${JSON.stringify(result)}`).toContain(
          result.ok ? "resolved" : result.error.code,
        );
      const shown = JSON.stringify(result.ok ? result.value : (result.error.message ?? ""));
      for (const secret of secrets) expect(shown, `${path} shows ${secret}`).not.toContain(secret);
    }
    expect(await ownerView()).toEqual(before);

    async function ownerView() {
      return {
        monitor: (await mine.monitor.get({ id: monitor.id })).monitor,
        heartbeat: await mine.heartbeat.get({ id: heartbeat.id }),
        page: await mine.statusPage.get({ id: page.id }),
        subjects: await mine.statusPage.subjects({ id: page.id }),
        channel: await mine.alerts.channel({ id: channel.id }),
        keys: await mine.apiKeys.list(),
        sessions: await mine.account.sessions(),
        incident: await mine.incidents.get({ incidentId: incident.id }),
        notices: await mine.announcements.list({ statusPageId: page.id }),
        maintenance: await mine.maintenances.get({ maintenanceId: maintenance.id }),
      };
    }
  });
});
