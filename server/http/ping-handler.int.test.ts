import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { flips, heartbeats, incidents, pings } from "@/db/schema";
import { createTestDatabase, testDbKind, type TestDatabase } from "@/db/testing/test-database";
import { makeUser } from "@/db/testing/factories";
import { systemClock, type WorkspaceCtx } from "@/server/services/context";
import { createHeartbeat } from "@/server/services/heartbeats/create-heartbeat";
import { deleteHeartbeat } from "@/server/services/heartbeats/delete-heartbeat";
import { findHeartbeat } from "@/server/services/heartbeats/find-heartbeat";
import { PingBatcher } from "@/server/http/ping-batcher";
import { handlePing } from "@/server/http/ping-handler";

describe(`ping URLs on ${testDbKind()}`, () => {
  let database: TestDatabase;
  let server: http.Server;
  let base: string;
  let ctx: WorkspaceCtx;

  beforeAll(async () => {
    database = await createTestDatabase();
    const batcher = new PingBatcher(database.db);
    server = http.createServer((req, res) => {
      if (!handlePing(req, res, { batcher, clientIp: "203.0.113.5", onError: () => {} })) {
        res.writeHead(418);
        res.end("not a ping");
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const { user, workspace } = await makeUser(database.db);
    ctx = {
      db: database.db,
      now: systemClock,
      actor: { userId: user.id },
      workspaceId: workspace.id,
    };
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await database.drop();
  });

  const newHeartbeat = (name = "job") =>
    createHeartbeat({
      ctx,
      input: {
        name,
        intervalSecs: 3600,
        schedule: null,
        tz: "UTC",
        graceSecs: 60,
        maxRuntimeSecs: null,
        paused: false,
      },
    });
  const status = async (id: string) =>
    (await findHeartbeat(database.db, ctx.workspaceId, id)).status;
  const send = async (path: string, init: RequestInit = {}) => {
    const res = await fetch(`${base}${path}`, init);
    return { status: res.status, body: await res.text(), headers: res.headers };
  };

  it.each(["GET", "POST", "HEAD"])(
    "answers %s /ping/<token> with 200 OK after the ping is committed",
    async (method) => {
      const hb = await newHeartbeat();
      const res = await send(`/ping/${hb.token}`, { method });
      expect(res.status).toBe(200);
      if (method !== "HEAD") expect(res.body).toBe("OK");
      expect(res.headers.get("access-control-allow-origin")).toBe("*");
      // The reply came after the commit: the ping and the new state are already readable.
      expect(await status(hb.id)).toBe("up");
      expect(await database.db.$count(pings, eq(pings.heartbeatId, hb.id))).toBe(1);
    },
  );

  it("tracks a run: start makes it running, the paired exit 0 makes it up with the run's duration", async () => {
    const hb = await newHeartbeat();
    const rid = "6f1d3a9e-1b2c-4d5e-8f90-123456789abc";
    expect((await send(`/ping/${hb.token}/start?rid=${rid}`)).status).toBe(200);
    expect(await status(hb.id)).toBe("running");
    await new Promise((r) => setTimeout(r, 50));
    expect((await send(`/ping/${hb.token}/0?rid=${rid}`)).status).toBe(200);
    const after = await findHeartbeat(database.db, ctx.workspaceId, hb.id);
    expect(after.status).toBe("up");
    expect(after.lastDurationMs).toBeGreaterThanOrEqual(40);
    const [last] = await database.db
      .select()
      .from(pings)
      .where(eq(pings.heartbeatId, hb.id))
      .orderBy(pings.pingedAt);
    expect(last?.rid).toBe(rid);
  });

  it("fails on /fail and on a non-zero exit status, opening one incident, and recovers on success", async () => {
    const hb = await newHeartbeat();
    await send(`/ping/${hb.token}`);
    expect((await send(`/ping/${hb.token}/fail`)).status).toBe(200);
    expect(await status(hb.id)).toBe("failed");
    expect((await send(`/ping/${hb.token}/3`)).status).toBe(200);
    const [exitPing] = await database.db.select().from(pings).where(eq(pings.exitStatus, 3));
    expect(exitPing?.kind).toBe("fail");
    expect(await database.db.$count(incidents, eq(incidents.heartbeatId, hb.id))).toBe(1);
    await send(`/ping/${hb.token}/0`);
    expect(await status(hb.id)).toBe("up");
    const [incident] = await database.db
      .select()
      .from(incidents)
      .where(eq(incidents.heartbeatId, hb.id));
    expect(incident?.resolvedAt).not.toBeNull();
    expect(
      (await database.db.select().from(flips).where(eq(flips.heartbeatId, hb.id)))
        .map((f) => `${f.fromStatus}->${f.toStatus}`)
        .sort(),
    ).toEqual(["failed->up", "new->up", "up->failed"].sort());
  });

  it("records a /log ping without changing the state", async () => {
    const hb = await newHeartbeat();
    await send(`/ping/${hb.token}`);
    expect(
      (await send(`/ping/${hb.token}/log`, { method: "POST", body: "disk 91% full" })).status,
    ).toBe(200);
    expect(await status(hb.id)).toBe("up");
    const [log] = await database.db.select().from(pings).where(eq(pings.kind, "log"));
    expect(log?.body).toBe("disk 91% full");
  });

  it("stores the first 10,000 bytes of the body, flags the truncation, and keeps source IP and user agent", async () => {
    const hb = await newHeartbeat();
    await send(`/ping/${hb.token}`, {
      method: "POST",
      body: "x".repeat(25_000),
      headers: { "user-agent": "backup.sh/2" },
    });
    const [row] = await database.db.select().from(pings).where(eq(pings.heartbeatId, hb.id));
    expect(row?.body).toHaveLength(10_000);
    expect(row?.truncated).toBe(true);
    expect(row?.sourceIp).toBe("203.0.113.5");
    expect(row?.userAgent).toBe("backup.sh/2");
  });

  it("gives an unknown token and a deleted heartbeat the identical 404", async () => {
    const hb = await newHeartbeat();
    const unknown = await send("/ping/0000000000000000000000000000dead");
    await deleteHeartbeat({ ctx, input: { heartbeatId: hb.id } });
    const deleted = await send(`/ping/${hb.token}`);
    expect(unknown).toMatchObject({ status: 404, body: "not found" });
    expect(deleted).toMatchObject({ status: 404, body: "not found" });
    expect((await send("/ping/short")).body).toBe("not found");
  });

  it.each([
    ["/256", "exit status must be a whole number from 0 to 255"],
    ["/-1", "exit status must be a whole number from 0 to 255"],
    ["/start?rid=not-a-uuid", "rid must be a UUID"],
  ])("answers 400 with one line for %s", async (suffix, message) => {
    const hb = await newHeartbeat();
    expect(await send(`/ping/${hb.token}${suffix}`)).toMatchObject({ status: 400, body: message });
    expect(await database.db.$count(pings, eq(pings.heartbeatId, hb.id))).toBe(0);
  });

  it("accepts the SDK's POST /api/v1/heartbeats/<token>/ping without an API key, answering JSON", async () => {
    const hb = await newHeartbeat();
    const res = await send(`/api/v1/heartbeats/${hb.token}/ping`, { method: "POST" });
    expect(res).toMatchObject({ status: 200, body: '{"status":"ok"}' });
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(
      await send(`/api/v1/heartbeats/${"x".repeat(hb.token.length)}/ping`, { method: "POST" }),
    ).toMatchObject({ status: 404, body: '{"error":"not found"}' });
    expect(await status(hb.id)).toBe("up");
    expect((await send(`/api/v1/heartbeats/${hb.token}/ping`)).status).toBe(418);
  });

  it("still records when another node changed the heartbeat under this node's cached copy", async () => {
    const hb = await newHeartbeat();
    await send(`/ping/${hb.token}`);
    await send(`/ping/${hb.token}`);
    // Another node's write: the cached version is now stale, so the swap must fail and fall back.
    await database.db
      .update(heartbeats)
      .set({ version: sql`${heartbeats.version} + 5`, graceSecs: 120 })
      .where(eq(heartbeats.id, hb.id));
    expect((await send(`/ping/${hb.token}/start`)).status).toBe(200);
    expect(await status(hb.id)).toBe("running");
    expect((await send(`/ping/${hb.token}`)).status).toBe(200);
    expect(await database.db.$count(pings, eq(pings.heartbeatId, hb.id))).toBe(4);
    const after = await findHeartbeat(database.db, ctx.workspaceId, hb.id);
    expect(after.status).toBe("up");
    expect(after.graceSecs).toBe(120);
  });

  it("answers a malformed percent-encoding with 404 and stays up", async () => {
    expect(await send("/ping/%E0%A4%A")).toMatchObject({ status: 404, body: "not found" });
    expect(await send("/ping/%")).toMatchObject({ status: 404 });
    const hb = await newHeartbeat();
    expect((await send(`/ping/${hb.token}`)).status).toBe(200);
  });

  it("answers CORS preflight", async () => {
    const res = await fetch(`${base}/ping/anything-at-all-here`, { method: "OPTIONS" });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("commits a burst of concurrent pings to many heartbeats, each exactly once", async () => {
    const hbs = await Promise.all(Array.from({ length: 10 }, (_, i) => newHeartbeat(`burst-${i}`)));
    const replies = await Promise.all(
      hbs.flatMap((hb) => Array.from({ length: 10 }, () => send(`/ping/${hb.token}`))),
    );
    expect(replies.every((r) => r.status === 200 && r.body === "OK")).toBe(true);
    for (const hb of hbs) {
      expect(await database.db.$count(pings, eq(pings.heartbeatId, hb.id))).toBe(10);
      expect(await database.db.$count(flips, eq(flips.heartbeatId, hb.id))).toBe(1);
    }
    const rows = await database.db
      .select()
      .from(heartbeats)
      .where(eq(heartbeats.workspaceId, ctx.workspaceId));
    expect(rows.filter((r) => r.name.startsWith("burst-")).every((r) => r.status === "up")).toBe(
      true,
    );
  });
});
