import http from "node:http";
import type { AddressInfo } from "node:net";
import pino from "pino";
import postgres from "postgres";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDbKind, type TestDatabase } from "@/db/testing/test-database";
import { makeUser } from "@/db/testing/factories";
import { makeSessionCookie } from "@/db/testing/session-cookie";
import { makeMonitor } from "@/db/testing/make-monitor";
import { createEventBus, getEventBus, type EventBus } from "@/server/events/bus";
import { systemClock, type WorkspaceCtx } from "@/server/services/context";
import { createStatusPage } from "@/server/services/status-pages/create-status-page";
import { updateStatusPage } from "@/server/services/status-pages/update-status-page";
import { findStatusPageBySlug } from "@/server/services/status-pages/find-status-page";
import { getStatusPageView } from "@/server/services/status-pages/get-status-page-view";
import { pauseMonitor, resumeMonitor } from "@/server/services/monitors/pause-monitor";
import { handleStatusPage } from "@/server/http/status-pages/status-page-handler";
import { PublicPageCache } from "@/server/http/status-pages/page-cache";
import { PageDirectory } from "@/server/http/status-pages/page-directory";
import {
  invalidateOnEvents,
  PageInvalidator,
} from "@/server/http/status-pages/invalidate-on-events";
import { createIo, type VigilIo } from "@/server/realtime/create-io";
import { relayEvents } from "@/server/realtime/relay-events";
import { relayStatusPages } from "@/server/realtime/relay-status-pages";
import { openClusterAdapter, type ClusterAdapter } from "@/server/realtime/postgres-adapter";
import { invalidateAcrossNodes } from "@/server/realtime/cross-node-invalidation";
import { workspaceRoom } from "@/server/realtime/rooms";
import { statusPageRoom, type StatusFlipMessage } from "@/server/realtime/status-page-messages";
import { createStatusPageInput } from "@/server/services/status-pages/status-page-settings";

const SECRET = "test-secret-test-secret-test-secret-0123";
const TOKEN = "internal-token-for-tests";
const logger = pino({ level: "silent" });

type Node = {
  name: string;
  base: string;
  io: VigilIo;
  renders: () => number;
  stop: () => Promise<void>;
};

/**
 * One Vigil node as server/main.ts wires it, minus Next (a stand-in renders the same view): its
 * own HTTP server, Socket.IO with the Postgres adapter, page directory and cache. Node A listens to
 * the bus the services emit on; node B gets a bus of its own that nothing in this process emits
 * on, so everything B learns comes from the other node through PostgreSQL.
 */
async function startNode(
  name: string,
  database: TestDatabase,
  bus: EventBus,
  options: { cluster: boolean; confirms?: boolean } = { cluster: true },
): Promise<Node> {
  // As server/main.ts does: the adapter on PostgreSQL only (PGlite is one process by construction).
  let renders = 0;
  let base = "";
  const cache = new PublicPageCache();
  const directory = new PageDirectory(database.db, {
    onChanged: (slug) => cache.invalidateSlug(slug),
  });
  const invalidator = new PageInvalidator(cache, directory);
  const cluster: ClusterAdapter | null = options.cluster
    ? await openClusterAdapter(database.url ?? "", {
        logger,
        onConnectionLost: () => invalidator.dropAll(),
      })
    : null;

  async function standInForNext(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = req.url ?? "";
    if (url.startsWith("/api/internal/revalidate")) {
      for await (const chunk of req) void chunk;
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
      return;
    }
    const slug = url.slice("/status/".length).split(/[/?]/)[0]!;
    const page = await findStatusPageBySlug({ ctx: { db: database.db }, input: { slug } });
    if (!page || page.visibility !== "public") {
      res.writeHead(404, { "content-type": "text/html" }).end("next's own 404");
      return;
    }
    renders++;
    const view = await getStatusPageView(database.db, page, { now: new Date(), baseUrl: base });
    const rows = view.services.map((s) => `<li>${s.name}: ${s.status}</li>`).join("");
    res
      .writeHead(200, { "content-type": "text/html; charset=utf-8" })
      .end(
        `<html><body><main data-generated-at="${view.generatedAt}" data-node="${name}"><h1>${view.page.title}</h1><ul>${rows}</ul></main></body></html>`,
      );
  }

  const server = http.createServer((req, res) => {
    const deps = {
      db: database.db,
      authSecret: SECRET,
      internalToken: TOKEN,
      baseUrl: "http://status.example",
      cache,
      directory,
      next: standInForNext,
      origin: () => base,
      logger,
    };
    if (!handleStatusPage(req, res, deps)) void standInForNext(req, res);
  });
  const io = createIo(server, {
    db: database.db,
    secret: SECRET,
    logger,
    adapter: cluster?.adapter,
  });
  const stops = [
    invalidateOnEvents(invalidator, bus),
    relayEvents(io, bus),
    relayStatusPages(io, { db: database.db, logger, bus, clustered: Boolean(cluster) }),
    cluster && options.confirms !== false
      ? invalidateAcrossNodes(io, (change) => invalidator.apply(change), logger, bus)
      : () => {},
  ];
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    name,
    base,
    io,
    renders: () => renders,
    stop: async () => {
      stops.forEach((stop) => stop());
      await io.close();
      await cluster?.close();
    },
  };
}

const nodeCount = (io: VigilIo) => io.of("/").adapter.serverCount();

let database: TestDatabase;
const sockets: Socket[] = [];

async function member() {
  const { user, workspace } = await makeUser(database.db);
  const ctx: WorkspaceCtx = {
    db: database.db,
    now: systemClock,
    actor: { userId: user.id },
    workspaceId: workspace.id,
  };
  const { cookie } = await makeSessionCookie(database.db, user.id, SECRET);
  return { ctx, cookie };
}

let n = 0;
async function publicPage() {
  const owner = await member();
  const monitor = await makeMonitor(owner.ctx, "http://127.0.0.1:9/", { name: "Checkout API" });
  await pauseMonitor({ ctx: owner.ctx, input: { monitorId: monitor.id } });
  const page = await createStatusPage({
    ctx: owner.ctx,
    input: createStatusPageInput.parse({
      slug: `nodes-${process.pid}-${++n}`,
      title: "Acme Status",
      visibility: "public",
    }),
  });
  return { owner, monitor, page };
}

const get = async (node: Node, path: string) => {
  const res = await fetch(`${node.base}${path}`);
  return { status: res.status, body: await res.text() };
};

async function socket(node: Node, cookie?: string): Promise<Socket> {
  const s = connect(node.base, {
    transports: ["websocket"],
    extraHeaders: cookie ? { cookie } : {},
    reconnection: false,
  });
  sockets.push(s);
  await new Promise<void>((resolve, reject) => {
    s.once("connect", resolve);
    s.once("connect_error", reject);
  });
  return s;
}
const join = (s: Socket, room: string) =>
  s.timeout(3000).emitWithAck("room:join", room) as Promise<{ ok: boolean }>;

// Each project runs the half for its own database (registering, not skipping, the other half).
if (testDbKind() === "postgres")
  describe("two Vigil nodes on one PostgreSQL", () => {
    let a: Node;
    let b: Node;

    beforeAll(async () => {
      database = await createTestDatabase("postgres");
      a = await startNode("a", database, getEventBus());
      b = await startNode("b", database, createEventBus());
      // Each adapter announces itself on start; a missed announcement is repeated every 5 s.
      for (const deadline = Date.now() + 15_000; ;) {
        const counts = [await nodeCount(a.io), await nodeCount(b.io)];
        if (counts.every((c) => c === 2)) break;
        if (Date.now() > deadline) throw new Error(`the nodes never saw each other: ${counts}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    });
    afterAll(async () => {
      for (const s of sockets) s.disconnect();
      await a?.stop();
      await b?.stop();
      await database?.drop();
    });

    it("sends a flip committed on node A exactly once to each viewer, on node A and on node B", async () => {
      const { owner, monitor, page } = await publicPage();
      const onA = await socket(a);
      const onB = await socket(b);
      const dashboardOnB = await socket(b, owner.cookie);
      for (const s of [onA, onB])
        expect(await join(s, statusPageRoom(page.id))).toMatchObject({ ok: true });
      expect(await join(dashboardOnB, workspaceRoom(owner.ctx.workspaceId))).toMatchObject({
        ok: true,
      });
      const received = { a: [] as StatusFlipMessage[], b: [] as StatusFlipMessage[], dash: 0 };
      onA.on("status:flip", (f: StatusFlipMessage) => received.a.push(f));
      onB.on("status:flip", (f: StatusFlipMessage) => received.b.push(f));
      dashboardOnB.on("flip", () => received.dash++);

      await resumeMonitor({ ctx: owner.ctx, input: { monitorId: monitor.id } });
      await pauseMonitor({ ctx: owner.ctx, input: { monitorId: monitor.id } });
      await expect.poll(() => received.b.length, { timeout: 3_000 }).toBe(1);
      expect(received.b[0]).toMatchObject({
        statusPageId: page.id,
        subjectId: monitor.id,
        state: "paused",
      });
      await expect.poll(() => received.a.length, { timeout: 3_000 }).toBe(1);
      await expect.poll(() => received.dash, { timeout: 3_000 }).toBe(2);
      // Anything B re-emitted would arrive well within this.
      await new Promise((r) => setTimeout(r, 500));
      expect([received.a.length, received.b.length, received.dash]).toEqual([1, 1, 2]);
    });

    it("answers 404 on node B on the very next request once Public → Private applied through node A returns", async () => {
      const { owner, page } = await publicPage();
      const paths = ["", "/api/v2/summary.json", "/view.json"];
      for (const path of paths)
        expect((await get(b, `/status/${page.slug}${path}`)).status).toBe(200);
      const rendersBefore = b.renders();
      expect((await get(b, `/status/${page.slug}`)).body).toContain("Acme Status");
      expect(b.renders(), "node B answers from its own copy").toBe(rendersBefore);

      await updateStatusPage({
        ctx: owner.ctx,
        input: { statusPageId: page.id, changes: { visibility: "private" } },
      });
      for (const path of paths) {
        const res = await get(b, `/status/${page.slug}${path}`);
        expect(res.status, path).toBe(404);
        expect(res.body).not.toContain("Acme");
      }
    });

    it("re-renders on node B a page changed on node A, with no stale copy, settings and flips alike", async () => {
      const { owner, monitor, page } = await publicPage();
      const before = await get(b, `/status/${page.slug}`);
      expect(before.body).toContain("Checkout API: under_maintenance");
      expect(before.body).toContain('data-node="b"');

      await updateStatusPage({
        ctx: owner.ctx,
        input: { statusPageId: page.id, changes: { title: "Acme Cloud" } },
      });
      const renamed = await get(b, `/status/${page.slug}`);
      expect(renamed.body).toContain("<h1>Acme Cloud</h1>");

      // A flip crosses without waiting for acknowledgements: it lands within moments.
      await resumeMonitor({ ctx: owner.ctx, input: { monitorId: monitor.id } });
      await expect
        .poll(async () => (await get(b, `/status/${page.slug}`)).body, { timeout: 3_000 })
        .not.toContain("Checkout API");
      expect((await get(b, `/status/${page.slug}/api/v2/summary.json`)).body).not.toContain(
        "under_maintenance",
      );
    });

    it("lets a change return when a node never confirms, and that node still turns the page private within 5 s", async () => {
      const { owner, page } = await publicPage();
      // Node C is in the cluster but never acknowledges (stuck, or an older version).
      const c = await startNode("c", database, createEventBus(), {
        cluster: true,
        confirms: false,
      });
      try {
        await expect.poll(() => nodeCount(a.io), { timeout: 15_000 }).toBe(3);
        expect((await get(c, `/status/${page.slug}`)).status).toBe(200);
        await updateStatusPage({
          ctx: owner.ctx,
          input: { statusPageId: page.id, changes: { visibility: "private" } },
        });
        expect((await get(b, `/status/${page.slug}`)).status).toBe(404);
        await expect
          .poll(async () => (await get(c, `/status/${page.slug}`)).status, { timeout: 8_000 })
          .toBe(404);
      } finally {
        await c.stop();
      }
      await expect.poll(() => nodeCount(a.io), { timeout: 5_000 }).toBe(2);
    });

    it("survives losing its LISTEN connection: drops every copy, listens again, and flips cross again", async () => {
      const { owner, monitor, page } = await publicPage();
      const viewer = await socket(b);
      expect(await join(viewer, statusPageRoom(page.id))).toMatchObject({ ok: true });
      const flips: StatusFlipMessage[] = [];
      viewer.on("status:flip", (f: StatusFlipMessage) => flips.push(f));
      expect((await get(b, `/status/${page.slug}`)).status).toBe(200);
      const cached = b.renders();
      expect((await get(b, `/status/${page.slug}`)).status).toBe(200);
      expect(b.renders()).toBe(cached);

      const admin = postgres(database.url ?? "", { max: 1, onnotice: () => {} });
      const listening = async () =>
        (
          await admin<{ n: number }[]>`select count(*)::int as n from pg_stat_activity
            where datname = current_database() and query like 'LISTEN %'`
        )[0]!.n;
      try {
        expect(await listening()).toBe(2);
        // What a database restart or a failover does to the adapter's connections.
        await admin`select pg_terminate_backend(pid) from pg_stat_activity
          where datname = current_database() and query like 'LISTEN %'`;
        await expect
          .poll(async () => (await get(b, `/status/${page.slug}`), b.renders()), { timeout: 3_000 })
          .toBeGreaterThan(cached);
        await expect.poll(listening, { timeout: 10_000 }).toBe(2);
      } finally {
        await admin.end();
      }
      await resumeMonitor({ ctx: owner.ctx, input: { monitorId: monitor.id } });
      await pauseMonitor({ ctx: owner.ctx, input: { monitorId: monitor.id } });
      await expect.poll(() => flips.length, { timeout: 3_000 }).toBe(1);
    });

    it("drops a viewer connected to node B when the page goes private on node A", async () => {
      const { owner, page } = await publicPage();
      const viewer = await socket(b);
      expect(await join(viewer, statusPageRoom(page.id))).toMatchObject({ ok: true });
      // Node A sees the viewer on node B: both nodes listen again after the previous test cut
      // their LISTEN connections (a notification sent while one is reconnecting is lost).
      await expect
        .poll(async () => (await a.io.in(statusPageRoom(page.id)).fetchSockets()).length, {
          timeout: 10_000,
        })
        .toBe(1);
      const gone = new Promise((resolve) => viewer.once("status:gone", resolve));
      await updateStatusPage({
        ctx: owner.ctx,
        input: { statusPageId: page.id, changes: { visibility: "private" } },
      });
      await expect(gone).resolves.toEqual({ statusPageId: page.id });
      // The leave is its own broadcast, sent right after the notice: node B applies it next.
      await expect
        .poll(async () => (await b.io.in(statusPageRoom(page.id)).fetchSockets()).length, {
          timeout: 2_000,
        })
        .toBe(0);
    });
  });
else
  describe("one Vigil node on PGlite", () => {
    let node: Node;
    beforeAll(async () => {
      database = await createTestDatabase("pglite");
      node = await startNode("only", database, getEventBus(), { cluster: false });
    });
    afterAll(async () => {
      for (const s of sockets) s.disconnect();
      await node?.stop();
      await database?.drop();
    });

    it("keeps rooms in memory: a flip reaches the node's viewer once and a page change lands on the next request", async () => {
      const { owner, monitor, page } = await publicPage();
      const viewer = await socket(node);
      expect(await join(viewer, statusPageRoom(page.id))).toMatchObject({ ok: true });
      const received: StatusFlipMessage[] = [];
      viewer.on("status:flip", (f: StatusFlipMessage) => received.push(f));
      await resumeMonitor({ ctx: owner.ctx, input: { monitorId: monitor.id } });
      await pauseMonitor({ ctx: owner.ctx, input: { monitorId: monitor.id } });
      await expect.poll(() => received.length, { timeout: 3_000 }).toBe(1);

      expect((await get(node, `/status/${page.slug}`)).status).toBe(200);
      await updateStatusPage({
        ctx: owner.ctx,
        input: { statusPageId: page.id, changes: { visibility: "private" } },
      });
      expect((await get(node, `/status/${page.slug}`)).status).toBe(404);
      await new Promise((r) => setTimeout(r, 300));
      expect(received).toHaveLength(1);
    });
  });
