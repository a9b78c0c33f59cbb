import http from "node:http";
import type { AddressInfo } from "node:net";
import { inArray, sql } from "drizzle-orm";
import pino from "pino";
import { Server } from "socket.io";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { rowsOf } from "@/db/rows-of";
import { pings } from "@/db/schema";
import { makeUser } from "@/db/testing/factories";
import { makeHeartbeat } from "@/db/testing/make-heartbeat";
import { startOutageProxy, type OutageProxy } from "@/db/testing/outage-proxy";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { PingBatcher } from "@/server/http/ping-batcher";
import { handlePing } from "@/server/http/ping-handler";
import { openClusterAdapter, type ClusterAdapter } from "@/server/realtime/postgres-adapter";
import { systemClock } from "@/server/services/context";
import { checkHealth } from "@/server/services/instance/check-health";

const ANSWER_WITHIN_MS = 1_500;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Answer = { n: number; status: number; ms: number; sentAt: number };

// The PostgreSQL server is shared with other tests: the outage is a proxy that stops answering.
describe("a PostgreSQL outage", () => {
  let database: TestDatabase;
  let proxy: OutageProxy;
  let vigilDb: DatabaseHandle;
  let batcher: PingBatcher;
  let server: http.Server;
  let io: Server;
  let cluster: ClusterAdapter;
  let base: string;
  let tokens: string[];
  let lostConnections = 0;

  beforeAll(async () => {
    database = await createTestDatabase("postgres");
    proxy = await startOutageProxy(database.url ?? "");
    vigilDb = await openDatabase({ kind: "postgres", url: proxy.url });
    batcher = new PingBatcher(vigilDb.db, { lanes: 4 });
    server = http.createServer((req, res) => {
      if (!handlePing(req, res, { batcher, clientIp: "203.0.113.7", onError: () => {} })) {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    cluster = await openClusterAdapter(proxy.url, {
      logger: pino({ level: "silent" }),
      onConnectionLost: () => lostConnections++,
    });
    io = new Server(server, { adapter: cluster.adapter });
    const { workspace, user } = await makeUser(database.db);
    const ctx = {
      db: database.db,
      now: systemClock,
      actor: { userId: user.id },
      workspaceId: workspace.id,
    };
    tokens = [];
    for (let i = 0; i < 6; i++) tokens.push((await makeHeartbeat(ctx)).token);
  });
  afterAll(async () => {
    await io?.close();
    await cluster?.close();
    batcher?.close();
    await vigilDb?.close();
    await proxy?.close();
    await database?.drop();
  });

  let sent = 0;
  const ping = async (): Promise<Answer> => {
    const n = ++sent;
    const sentAt = Date.now();
    const controller = new AbortController();
    const giveUp = setTimeout(() => controller.abort(), 15_000);
    try {
      const res = await fetch(`${base}/ping/${tokens[n % tokens.length]}`, {
        headers: { "user-agent": `outage-${n}` },
        signal: controller.signal,
      });
      await res.text();
      return { n, status: res.status, ms: Date.now() - sentAt, sentAt };
    } catch {
      return { n, status: 0, ms: Date.now() - sentAt, sentAt };
    } finally {
      clearTimeout(giveUp);
    }
  };
  /** Pings from `concurrency` clients, each every `everyMs`, until `until()` says stop. */
  const pingWhile = async (
    until: (answers: Answer[]) => boolean,
    concurrency = 6,
    everyMs = 40,
  ) => {
    const answers: Answer[] = [];
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (!until(answers)) {
          answers.push(await ping());
          await sleep(everyMs);
        }
      }),
    );
    return answers;
  };
  const health = async () => {
    const startedAt = Date.now();
    const result = await Promise.race([
      checkHealth({ ctx: { db: vigilDb.db, now: systemClock } }),
      sleep(5_000).then(() => ({ ok: false, db: "no answer" })),
    ]);
    return { ...result, ms: Date.now() - startedAt };
  };

  it("answers pings and the health check 503 within a second, resumes by itself, and stores every 200", async () => {
    const before = await pingWhile((a) => a.length >= 30);
    expect(before.map((a) => a.status)).toEqual(before.map(() => 200));
    expect(await health()).toMatchObject({ ok: true });

    proxy.blackhole();
    const outageStart = Date.now();
    const [during, healthDuring] = await Promise.all([
      pingWhile(() => Date.now() - outageStart > 4_000),
      (async () => {
        const checks = [];
        while (Date.now() - outageStart < 4_000) checks.push(await health());
        return checks;
      })(),
    ]);
    proxy.restore();
    const restoredAt = Date.now();
    const after = await pingWhile(
      (a) =>
        Date.now() - restoredAt > 12_000 ||
        (a.length >= 20 && a.slice(-20).every((x) => x.status === 200)),
    );
    const healthAfter = await health();

    const slow = [...before, ...during, ...after].filter((a) => a.ms > ANSWER_WITHIN_MS);
    expect(slow, "answers slower than 1.5 s").toEqual([]);
    expect(new Set(during.map((a) => a.status))).toEqual(new Set([503]));
    expect(healthDuring.length).toBeGreaterThan(2);
    for (const check of healthDuring) {
      expect(check.ok).toBe(false);
      expect(check.ms).toBeLessThan(ANSWER_WITHIN_MS);
    }
    const firstOk = after.find((a) => a.status === 200);
    expect(firstOk, "no ping answered 200 after the database came back").toBeDefined();
    expect((firstOk?.sentAt ?? 0) - restoredAt).toBeLessThan(10_000);
    expect(after.slice(-20).every((a) => a.status === 200)).toBe(true);
    expect(healthAfter.ok).toBe(true);

    const answeredOk = [...before, ...during, ...after]
      .filter((a) => a.status === 200)
      .map((a) => `outage-${a.n}`);
    const stored = await database.db
      .select({ userAgent: pings.userAgent })
      .from(pings)
      .where(inArray(pings.userAgent, answeredOk));
    expect(stored.length).toBe(answeredOk.length);

    // Socket.IO's adapter lost its LISTEN connection without ending the process, and listens again.
    expect(lostConnections).toBeGreaterThan(0);
    const listeningSince = async (since: Date) =>
      rowsOf(
        await database.db.execute(
          sql`select 1 from pg_stat_activity where datname = current_database()
            and query ilike 'LISTEN%' and backend_start > ${since.toISOString()}::timestamptz`,
        ),
      ).length;
    await expect
      .poll(() => listeningSince(new Date(restoredAt)), { timeout: 10_000, interval: 250 })
      .toBeGreaterThan(0);

    console.log(
      `outage figures: ${during.length} pings during 4 s of outage, slowest ${Math.max(...during.map((a) => a.ms))} ms; ` +
        `health slowest ${Math.max(...healthDuring.map((h) => h.ms))} ms; ` +
        `first 200 ${(firstOk?.sentAt ?? 0) - restoredAt} ms after the database came back`,
    );
  }, 90_000);

  it("stops waiting for connections that went silent, and answers 200 again within 10 s", async () => {
    await pingWhile((a) => a.length >= 30);
    proxy.freeze();
    const frozenAt = Date.now();
    const answers = await pingWhile(
      (a) =>
        Date.now() - frozenAt > 15_000 ||
        (a.length >= 20 && a.slice(-20).every((x) => x.status === 200)),
    );
    expect(answers.filter((a) => a.ms > ANSWER_WITHIN_MS)).toEqual([]);
    const lastFailed = answers.findLast((a) => a.status !== 200);
    expect((lastFailed?.sentAt ?? frozenAt) - frozenAt).toBeLessThan(10_000);
    expect(answers.slice(-20).every((a) => a.status === 200)).toBe(true);
    const answeredOk = answers.filter((a) => a.status === 200).map((a) => `outage-${a.n}`);
    const stored = await database.db
      .select({ userAgent: pings.userAgent })
      .from(pings)
      .where(inArray(pings.userAgent, answeredOk));
    expect(stored.length).toBe(answeredOk.length);
    console.log(
      `silent connections: last failed ping ${(lastFailed?.sentAt ?? frozenAt) - frozenAt} ms after they went silent`,
    );
  }, 60_000);
});
