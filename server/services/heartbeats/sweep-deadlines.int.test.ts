import { asc, inArray } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { flips, heartbeats, incidents, type Heartbeat } from "@/db/schema";
import { openDatabase, type Db } from "@/db/client";
import { createTestDatabase, testDbKind, type TestDatabase } from "@/db/testing/test-database";
import { makeUser } from "@/db/testing/factories";
import { makeHeartbeat } from "@/db/testing/make-heartbeat";
import type { WorkspaceCtx } from "@/server/services/context";
import { deleteHeartbeat } from "@/server/services/heartbeats/delete-heartbeat";
import { listHeartbeats } from "@/server/services/heartbeats/list-heartbeats";
import { recordPings } from "@/server/services/heartbeats/record-pings";
import { sweepDeadlines } from "@/server/services/heartbeats/sweep-deadlines";

const T = new Date("2030-03-04T05:00:00.000Z");
const plus = (at: Date, secs: number) => new Date(at.getTime() + secs * 1000);
const COUNT = 20;

describe(`two sweepers racing on ${testDbKind()}`, () => {
  let database: TestDatabase;
  let ctx: WorkspaceCtx;
  /** A second node: its own pool on PostgreSQL; PGlite has one connection, so the same handle. */
  let other: { db: Db; close: () => Promise<void> };

  beforeAll(async () => {
    database = await createTestDatabase();
    other =
      database.kind === "postgres" && database.url
        ? await openDatabase({ kind: "postgres", url: database.url, max: 5 })
        : { db: database.db, close: async () => {} };
  });
  afterAll(async () => {
    await other.close();
    await database.drop();
  });
  afterEach(async () => {
    for (const hb of await listHeartbeats({ ctx }))
      await deleteHeartbeat({ ctx, input: { heartbeatId: hb.id } });
  });

  /** COUNT heartbeats (every 60 s, 30 s grace), all pinged at T in one batch. */
  async function overdueHeartbeats(): Promise<Heartbeat[]> {
    const { user, workspace } = await makeUser(database.db);
    ctx = { db: database.db, now: () => T, actor: { userId: user.id }, workspaceId: workspace.id };
    const created: Heartbeat[] = [];
    for (let i = 0; i < COUNT; i++) created.push(await makeHeartbeat(ctx, { name: `job ${i}` }));
    const outcomes = await recordPings(
      database.db,
      created.map((hb) => ({
        token: hb.token,
        kind: "success" as const,
        exitStatus: null,
        rid: null,
        body: null,
        truncated: false,
        sourceIp: null,
        userAgent: null,
        at: T,
      })),
    );
    expect(outcomes.every((o) => o === "ok")).toBe(true);
    return created;
  }

  const flipsOf = (ids: string[]) =>
    database.db.select().from(flips).where(inArray(flips.heartbeatId, ids)).orderBy(asc(flips.seq));

  /** Sweeps in small claims until this node finds nothing due; returns how many it decided. */
  async function drain(db: Db, now: Date): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await sweepDeadlines({ ctx: { db, now: () => now }, input: { limit: 3 } });
      if (n === 0) return total;
      total += n;
    }
  }

  const race = (now: Date) =>
    Promise.all([
      drain(database.db, now),
      drain(other.db, now),
      sweepDeadlines({ ctx: { db: database.db, now: () => now } }),
      sweepDeadlines({ ctx: { db: other.db, now: () => now } }),
    ]);

  it("decides every overdue heartbeat exactly once, and a retry changes nothing", async () => {
    const created = await overdueHeartbeats();
    const ids = created.map((hb) => hb.id);

    const late = await race(plus(T, 60));
    expect(late.reduce((a, b) => a + b, 0)).toBe(COUNT);
    const missing = await race(plus(T, 90));
    expect(missing.reduce((a, b) => a + b, 0)).toBe(COUNT);

    const all = await flipsOf(ids);
    for (const id of ids)
      expect(
        all.filter((f) => f.heartbeatId === id).map((f) => `${f.fromStatus}->${f.toStatus}`),
      ).toEqual(["new->up", "up->late", "late->missing"]);
    expect(await database.db.$count(incidents, inArray(incidents.heartbeatId, ids))).toBe(COUNT);

    // A retry from either node, at the same instant, finds nothing left to do.
    expect(await race(plus(T, 90))).toEqual([0, 0, 0, 0]);
    expect(await flipsOf(ids)).toHaveLength(all.length);
    const rows = await database.db.select().from(heartbeats).where(inArray(heartbeats.id, ids));
    expect(rows.every((h) => h.status === "missing" && h.consecutiveMisses === 1)).toBe(true);
  });

  it("never lets a node with a slower clock add a flip after a faster one decided", async () => {
    const created = await overdueHeartbeats();
    const ids = created.map((hb) => hb.id);
    await Promise.all([drain(database.db, plus(T, 90)), drain(other.db, plus(T, 61))]);
    for (const id of ids) {
      const mine = (await flipsOf([id])).map((f) => f.toStatus);
      // Either the slow node came first (late, then missing) or the fast one did (missing).
      expect([
        ["up", "late", "missing"],
        ["up", "missing"],
      ]).toContainEqual(mine);
    }
    expect(await database.db.$count(incidents, inArray(incidents.heartbeatId, ids))).toBe(COUNT);
  });
});
