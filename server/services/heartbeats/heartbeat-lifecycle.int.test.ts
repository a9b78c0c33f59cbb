import { asc, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { flips, incidents, pings } from "@/db/schema";
import { createTestDatabase, testDbKind, type TestDatabase } from "@/db/testing/test-database";
import { makeUser } from "@/db/testing/factories";
import { makeHeartbeat, pingAt } from "@/db/testing/make-heartbeat";
import type { WorkspaceCtx } from "@/server/services/context";
import { deleteHeartbeat } from "@/server/services/heartbeats/delete-heartbeat";
import { findHeartbeat } from "@/server/services/heartbeats/find-heartbeat";
import { listHeartbeats, listPings } from "@/server/services/heartbeats/list-heartbeats";
import { pauseHeartbeat, resumeHeartbeat } from "@/server/services/heartbeats/pause-heartbeat";
import { PINGS_KEPT, prunePings } from "@/server/services/heartbeats/prune-pings";
import { recordPings } from "@/server/services/heartbeats/record-pings";
import { rotatePingToken } from "@/server/services/heartbeats/rotate-ping-token";
import { sweepDeadlines } from "@/server/services/heartbeats/sweep-deadlines";
import { updateHeartbeat } from "@/server/services/heartbeats/update-heartbeat";

const T = new Date("2030-01-07T09:00:00.000Z");
const plus = (at: Date, secs: number, ms = 0) => new Date(at.getTime() + secs * 1000 + ms);

describe(`the heartbeat lifecycle on ${testDbKind()}`, () => {
  let database: TestDatabase;
  const workspaces: WorkspaceCtx[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });
  // sweepDeadlines looks at every heartbeat in the database: leave none behind for the next test.
  afterEach(async () => {
    for (const ctx of workspaces.splice(0)) {
      for (const hb of await listHeartbeats({ ctx }))
        await deleteHeartbeat({ ctx, input: { heartbeatId: hb.id } });
    }
  });

  /** A fresh workspace whose services read the time from a clock the test sets. */
  async function newWorkspace(start = T) {
    let current = start;
    const { user, workspace } = await makeUser(database.db);
    const ctx: WorkspaceCtx = {
      db: database.db,
      now: () => current,
      actor: { userId: user.id },
      workspaceId: workspace.id,
    };
    workspaces.push(ctx);
    return { ctx, setNow: (at: Date) => void (current = at) };
  }

  const reload = (ctx: WorkspaceCtx, id: string) => findHeartbeat(database.db, ctx.workspaceId, id);
  const sweep = (now: Date) => sweepDeadlines({ ctx: { db: database.db, now: () => now } });
  const flipsOf = (heartbeatId: string) =>
    database.db
      .select()
      .from(flips)
      .where(eq(flips.heartbeatId, heartbeatId))
      .orderBy(asc(flips.seq));
  const transitions = async (heartbeatId: string) =>
    (await flipsOf(heartbeatId)).map((f) => `${f.fromStatus}->${f.toStatus}`);
  const incidentsOf = (heartbeatId: string) =>
    database.db
      .select()
      .from(incidents)
      .where(eq(incidents.heartbeatId, heartbeatId))
      .orderBy(asc(incidents.startedAt));

  /** A heartbeat every 60 s with 30 s grace (unless overridden), pinged once at T. */
  async function upAtT(overrides: Parameters<typeof makeHeartbeat>[1] = {}) {
    const { ctx, setNow } = await newWorkspace();
    const hb = await makeHeartbeat(ctx, overrides);
    expect(await pingAt(database.db, hb.token, T)).toBe("ok");
    return { ctx, setNow, hb };
  }

  it("waits as new with no alarm, and goes up on the first success ping", async () => {
    const { ctx } = await newWorkspace();
    const hb = await makeHeartbeat(ctx);
    expect(hb).toMatchObject({ status: "new", deadline: null, alarmAt: null });
    expect(await sweep(plus(T, 86_400))).toBe(0);

    expect(await pingAt(database.db, hb.token, T)).toBe("ok");
    const up = await reload(ctx, hb.id);
    expect(up).toMatchObject({
      status: "up",
      lastPingedAt: T,
      lastSuccessAt: T,
      deadline: plus(T, 60),
      alarmAt: plus(T, 60),
      statusChangedAt: T,
      consecutiveMisses: 0,
    });
    const [flip] = await flipsOf(hb.id);
    expect(flip).toMatchObject({
      fromStatus: "new",
      toStatus: "up",
      at: T,
      reason: "a success ping arrived",
    });
  });

  it("turns late exactly at the deadline, not a millisecond before", async () => {
    const { hb, ctx } = await upAtT();
    expect(await sweep(plus(T, 60, -1))).toBe(0);
    expect((await reload(ctx, hb.id)).status).toBe("up");

    expect(await sweep(plus(T, 60))).toBe(1);
    const late = await reload(ctx, hb.id);
    expect(late).toMatchObject({ status: "late", alarmAt: plus(T, 90), consecutiveMisses: 0 });
    expect((await flipsOf(hb.id)).at(-1)).toMatchObject({
      fromStatus: "up",
      toStatus: "late",
      at: plus(T, 60),
      reason: "no success ping by the deadline",
    });
    expect(await incidentsOf(hb.id)).toHaveLength(0);
  });

  it("goes missing exactly at deadline plus grace with one flip and one incident", async () => {
    const { hb, ctx } = await upAtT();
    await sweep(plus(T, 60));
    expect(await sweep(plus(T, 90, -1))).toBe(0);
    expect((await reload(ctx, hb.id)).status).toBe("late");

    expect(await sweep(plus(T, 90))).toBe(1);
    expect(await reload(ctx, hb.id)).toMatchObject({
      status: "missing",
      consecutiveMisses: 1,
      deadline: plus(T, 60),
      alarmAt: plus(T, 120),
      statusChangedAt: plus(T, 90),
    });
    expect(await transitions(hb.id)).toEqual(["new->up", "up->late", "late->missing"]);
    const missing = (await flipsOf(hb.id)).at(-1);
    expect(missing?.at).toEqual(plus(T, 90));
    const [incident, ...more] = await incidentsOf(hb.id);
    expect(more).toHaveLength(0);
    expect(incident).toMatchObject({
      subjectKind: "heartbeat",
      workspaceId: ctx.workspaceId,
      openedByFlipId: missing?.id,
      cause: "no success ping by the deadline plus grace",
      startedAt: plus(T, 90),
      resolvedAt: null,
    });
  });

  it("goes straight from up to missing when the first sweep comes after deadline plus grace", async () => {
    const { hb, ctx } = await upAtT();
    expect(await sweep(plus(T, 95))).toBe(1);
    expect((await reload(ctx, hb.id)).status).toBe("missing");
    expect(await transitions(hb.id)).toEqual(["new->up", "up->missing"]);
    expect(await incidentsOf(hb.id)).toHaveLength(1);
  });

  it("recovers to up on a success after missing and resolves the incident", async () => {
    const { hb, ctx } = await upAtT();
    await sweep(plus(T, 90));
    const back = plus(T, 100);
    expect(await pingAt(database.db, hb.token, back)).toBe("ok");
    expect(await reload(ctx, hb.id)).toMatchObject({
      status: "up",
      consecutiveMisses: 0,
      lastSuccessAt: back,
      deadline: plus(back, 60),
      alarmAt: plus(back, 60),
    });
    const recovery = (await flipsOf(hb.id)).at(-1);
    expect(recovery).toMatchObject({ fromStatus: "missing", toStatus: "up", at: back });
    const [incident, ...more] = await incidentsOf(hb.id);
    expect(more).toHaveLength(0);
    expect(incident).toMatchObject({ resolvedAt: back, resolvedByFlipId: recovery?.id });
  });

  it("goes missing at start plus max run time when a started run never completes", async () => {
    const { hb, ctx } = await upAtT({ intervalSecs: 3600, graceSecs: 300, maxRuntimeSecs: 120 });
    const started = plus(T, 10);
    const rid = "0b6f3f64-4c59-4f0e-9a57-6c3f0d2b1a10";
    expect(await pingAt(database.db, hb.token, started, { kind: "start", rid })).toBe("ok");
    expect(await reload(ctx, hb.id)).toMatchObject({
      status: "running",
      runningSince: started,
      runningRid: rid,
      deadline: plus(T, 3600),
      alarmAt: plus(started, 120),
    });

    expect(await sweep(plus(started, 120, -1))).toBe(0);
    expect(await sweep(plus(started, 120))).toBe(1);
    expect((await reload(ctx, hb.id)).status).toBe("missing");
    expect(await transitions(hb.id)).toEqual(["new->up", "up->running", "running->missing"]);
    const [incident] = await incidentsOf(hb.id);
    expect(incident).toMatchObject({
      cause: "a started run did not finish in time",
      startedAt: plus(started, 120),
    });
  });

  it("allows a run without a max run time only the grace", async () => {
    const { ctx } = await newWorkspace();
    const hb = await makeHeartbeat(ctx, { graceSecs: 45 });
    await pingAt(database.db, hb.token, T, { kind: "start" });
    expect((await reload(ctx, hb.id)).alarmAt).toEqual(plus(T, 45));
    expect(await sweep(plus(T, 45, -1))).toBe(0);
    await sweep(plus(T, 45));
    expect(await transitions(hb.id)).toEqual(["new->running", "running->missing"]);
  });

  it("counts one more consecutive miss at each following deadline, and catches up after downtime", async () => {
    const { hb, ctx } = await upAtT();
    await sweep(plus(T, 90));
    expect((await reload(ctx, hb.id)).consecutiveMisses).toBe(1);

    expect(await sweep(plus(T, 120, -1))).toBe(0);
    expect(await sweep(plus(T, 120))).toBe(1);
    expect(await reload(ctx, hb.id)).toMatchObject({
      status: "missing",
      consecutiveMisses: 2,
      deadline: plus(T, 120),
      alarmAt: plus(T, 180),
    });
    // Nobody swept at T+180, T+240 or T+300: one sweep later counts all three.
    expect(await sweep(plus(T, 305))).toBe(1);
    expect(await reload(ctx, hb.id)).toMatchObject({
      consecutiveMisses: 5,
      deadline: plus(T, 300),
      alarmAt: plus(T, 360),
    });
    expect(await transitions(hb.id)).toEqual(["new->up", "up->missing"]);
    expect(await incidentsOf(hb.id)).toHaveLength(1);
  });

  it.each([
    ["in summer (CEST)", "2025-07-01T10:00:00Z", "2025-07-02T01:00:00Z"],
    ["in winter (CET)", "2025-01-15T10:00:00Z", "2025-01-16T02:00:00Z"],
    ["across the spring-forward night", "2025-03-29T12:00:00Z", "2025-03-30T01:00:00Z"],
    ["across the fall-back night", "2025-10-25T12:00:00Z", "2025-10-26T02:00:00Z"],
    ["after a ping at the fire time itself", "2025-01-16T02:00:00Z", "2025-01-17T02:00:00Z"],
  ])("expects 0 3 * * * Europe/Berlin next at 03:00 local, in UTC, %s", async (_, ping, next) => {
    const { ctx } = await newWorkspace(new Date(ping));
    const hb = await makeHeartbeat(ctx, {
      intervalSecs: null,
      schedule: "0 3 * * *",
      tz: "Europe/Berlin",
      graceSecs: 600,
    });
    await pingAt(database.db, hb.token, new Date(ping));
    const deadline = new Date(next);
    expect(await reload(ctx, hb.id)).toMatchObject({ deadline, alarmAt: deadline });

    expect(await sweep(plus(deadline, 0, -1))).toBe(0);
    await sweep(deadline);
    expect((await reload(ctx, hb.id)).status).toBe("late");
    await sweep(plus(deadline, 600));
    // While missing, the next alarm is the following night's 03:00 in Berlin.
    const following = (await reload(ctx, hb.id)).alarmAt;
    expect(following?.toLocaleString("en-GB", { timeZone: "Europe/Berlin" })).toMatch(
      /, 03:00:00$/,
    );
    expect(following && following.getTime() - deadline.getTime()).toBeGreaterThanOrEqual(
      23 * 3600_000,
    );
  });

  it("raises no alarm while paused, and resuming starts a fresh period", async () => {
    const { hb, ctx, setNow } = await upAtT();
    setNow(plus(T, 10));
    const paused = await pauseHeartbeat({ ctx, input: { heartbeatId: hb.id } });
    expect(paused).toMatchObject({ status: "paused", deadline: null, alarmAt: null });
    expect(await sweep(plus(T, 86_400))).toBe(0);
    // Pings while paused are kept but move nothing.
    expect(await pingAt(database.db, hb.token, plus(T, 20))).toBe("ok");
    expect(await reload(ctx, hb.id)).toMatchObject({ status: "paused", alarmAt: null });
    expect(await sweep(plus(T, 86_400))).toBe(0);

    const resumedAt = plus(T, 86_400);
    setNow(resumedAt);
    const resumed = await resumeHeartbeat({ ctx, input: { heartbeatId: hb.id } });
    expect(resumed).toMatchObject({
      status: "up",
      deadline: plus(resumedAt, 60),
      alarmAt: plus(resumedAt, 60),
    });
    expect(await sweep(plus(resumedAt, 60, -1))).toBe(0);
    expect(await sweep(plus(resumedAt, 60))).toBe(1);
    expect(await transitions(hb.id)).toEqual(["new->up", "up->paused", "paused->up", "up->late"]);
    expect(await database.db.$count(pings, eq(pings.heartbeatId, hb.id))).toBe(2);
  });

  it("resolves the incident when a missing heartbeat is paused", async () => {
    const { hb, ctx, setNow } = await upAtT();
    await sweep(plus(T, 90));
    setNow(plus(T, 100));
    await pauseHeartbeat({ ctx, input: { heartbeatId: hb.id } });
    const [incident] = await incidentsOf(hb.id);
    expect(incident?.resolvedAt).toEqual(plus(T, 100));
    expect(await sweep(plus(T, 86_400))).toBe(0);
  });

  it("moves the deadline and the alarm at once when the interval or grace is edited", async () => {
    const { hb, ctx, setNow } = await upAtT({ intervalSecs: 3600, graceSecs: 300 });
    setNow(plus(T, 100));
    const shorter = await updateHeartbeat({
      ctx,
      input: { heartbeatId: hb.id, changes: { intervalSecs: 600 } },
    });
    expect(shorter).toMatchObject({ deadline: plus(T, 600), alarmAt: plus(T, 600) });
    expect(await sweep(plus(T, 600, -1))).toBe(0);
    expect(await sweep(plus(T, 600))).toBe(1);
    expect((await reload(ctx, hb.id)).status).toBe("late");

    setNow(plus(T, 610));
    const lessGrace = await updateHeartbeat({
      ctx,
      input: { heartbeatId: hb.id, changes: { graceSecs: 60 } },
    });
    expect(lessGrace).toMatchObject({ status: "late", alarmAt: plus(T, 660) });
    expect(await sweep(plus(T, 660, -1))).toBe(0);
    expect(await sweep(plus(T, 660))).toBe(1);
    expect(await reload(ctx, hb.id)).toMatchObject({
      status: "missing",
      consecutiveMisses: 1,
      deadline: plus(T, 600),
      alarmAt: plus(T, 1200),
    });
  });

  it("is on time again when an edit moves a late heartbeat's deadline into the future", async () => {
    const { hb, ctx, setNow } = await upAtT({ intervalSecs: 60, graceSecs: 30 });
    expect(await sweep(plus(T, 61))).toBe(1);
    setNow(plus(T, 62));
    const edited = await updateHeartbeat({
      ctx,
      input: { heartbeatId: hb.id, changes: { intervalSecs: 3600 } },
    });
    expect(edited).toMatchObject({ status: "up", deadline: plus(T, 3600), alarmAt: plus(T, 3600) });
    expect(await transitions(hb.id)).toEqual(["new->up", "up->late", "late->up"]);
    expect(await sweep(plus(T, 3599))).toBe(0);
  });

  it("keeps one incident across a retry that starts after an outage and hangs again", async () => {
    const { hb } = await upAtT({ intervalSecs: 60, graceSecs: 30, maxRuntimeSecs: 10 });
    await sweep(plus(T, 90));
    expect((await incidentsOf(hb.id)).filter((i) => !i.resolvedAt)).toHaveLength(1);
    expect(await pingAt(database.db, hb.token, plus(T, 100), { kind: "start" })).toBe("ok");
    expect((await incidentsOf(hb.id)).filter((i) => !i.resolvedAt)).toHaveLength(1);
    await sweep(plus(T, 110));
    expect(await incidentsOf(hb.id)).toHaveLength(1);
    expect(await pingAt(database.db, hb.token, plus(T, 120))).toBe("ok");
    expect((await incidentsOf(hb.id))[0]?.resolvedAt).toEqual(plus(T, 120));
  });

  it("does not count misses twice when the interval is edited while missing", async () => {
    const { hb, ctx, setNow } = await upAtT({ intervalSecs: 100, graceSecs: 10 });
    await sweep(plus(T, 110));
    await sweep(plus(T, 200));
    expect(await reload(ctx, hb.id)).toMatchObject({
      consecutiveMisses: 2,
      deadline: plus(T, 200),
    });

    setNow(plus(T, 210));
    const edited = await updateHeartbeat({
      ctx,
      input: { heartbeatId: hb.id, changes: { intervalSecs: 50 } },
    });
    // The deadline already counted stays; only the next one moves.
    expect(edited).toMatchObject({
      status: "missing",
      deadline: plus(T, 200),
      alarmAt: plus(T, 250),
    });
    expect(await sweep(plus(T, 250, -1))).toBe(0);
    await sweep(plus(T, 250));
    expect((await reload(ctx, hb.id)).consecutiveMisses).toBe(3);
    await sweep(plus(T, 300));
    expect((await reload(ctx, hb.id)).consecutiveMisses).toBe(4);
    expect(await transitions(hb.id)).toEqual(["new->up", "up->missing"]);
  });

  it("answers not_found for a deleted heartbeat's token", async () => {
    const { hb, ctx } = await upAtT();
    const other = await makeHeartbeat(ctx, { name: "other" });
    await deleteHeartbeat({ ctx, input: { heartbeatId: hb.id } });
    expect(await pingAt(database.db, hb.token, plus(T, 1))).toBe("not_found");
    const batch = [hb.token, other.token].map((token) => ({
      token,
      kind: "success" as const,
      exitStatus: null,
      rid: null,
      body: null,
      truncated: false,
      sourceIp: null,
      userAgent: null,
      at: plus(T, 2),
    }));
    expect(await recordPings(database.db, batch)).toEqual(["not_found", "ok"]);
    await expect(reload(ctx, hb.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await database.db.$count(pings, eq(pings.heartbeatId, hb.id))).toBe(0);
  });

  it("retires the old token at once when the token is rotated", async () => {
    const { hb, ctx } = await upAtT();
    const rotated = await rotatePingToken({ ctx, input: { heartbeatId: hb.id } });
    expect(rotated.token).not.toBe(hb.token);
    expect(rotated.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(rotated).toMatchObject({ status: "up", deadline: plus(T, 60), alarmAt: plus(T, 60) });
    expect(await pingAt(database.db, hb.token, plus(T, 5))).toBe("not_found");
    expect(await pingAt(database.db, rotated.token, plus(T, 6))).toBe("ok");
    expect((await reload(ctx, hb.id)).deadline).toEqual(plus(T, 66));
  });

  it("lists pings newest first, up to the limit", async () => {
    const { ctx } = await newWorkspace();
    const hb = await makeHeartbeat(ctx);
    const kinds = ["start", "success", "log", "fail", "success"] as const;
    for (const [i, kind] of kinds.entries())
      await pingAt(database.db, hb.token, plus(T, i), { kind, body: `run ${i}` });
    const listed = await listPings({ ctx, input: { heartbeatId: hb.id, limit: 3 } });
    expect(listed.map((p) => [p.kind, p.body, p.pingedAt])).toEqual([
      ["success", "run 4", plus(T, 4)],
      ["fail", "run 3", plus(T, 3)],
      ["log", "run 2", plus(T, 2)],
    ]);
    expect(listed[0]).toMatchObject({ sourceIp: "203.0.113.9", userAgent: "vitest" });
  });

  it("prunes every heartbeat down to its newest 1,000 pings", async () => {
    const { ctx } = await newWorkspace();
    const busy = await makeHeartbeat(ctx, { name: "busy" });
    const quiet = await makeHeartbeat(ctx, { name: "quiet" });
    const row = (heartbeatId: string, i: number) => ({
      heartbeatId,
      workspaceId: ctx.workspaceId,
      pingedAt: plus(T, i),
      kind: "success" as const,
    });
    const extra = 10;
    await database.db
      .insert(pings)
      .values(Array.from({ length: PINGS_KEPT + extra }, (_, i) => row(busy.id, i)));
    await database.db.insert(pings).values([0, 1, 2].map((i) => row(quiet.id, i)));

    await prunePings(database.db);
    const kept = await database.db
      .select({ at: pings.pingedAt })
      .from(pings)
      .where(eq(pings.heartbeatId, busy.id))
      .orderBy(asc(pings.pingedAt));
    expect(kept).toHaveLength(PINGS_KEPT);
    expect(kept[0]?.at).toEqual(plus(T, extra));
    expect(kept.at(-1)?.at).toEqual(plus(T, PINGS_KEPT + extra - 1));
    expect(await database.db.$count(pings, eq(pings.heartbeatId, quiet.id))).toBe(3);

    await prunePings(database.db);
    expect(await database.db.$count(pings, eq(pings.heartbeatId, busy.id))).toBe(PINGS_KEPT);
  });
});
