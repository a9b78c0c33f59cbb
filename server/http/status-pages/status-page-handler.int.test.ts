import http from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import pino from "pino";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDbKind, type TestDatabase } from "@/db/testing/test-database";
import { makeUser } from "@/db/testing/factories";
import { makeSessionCookie } from "@/db/testing/session-cookie";
import { makeMonitor } from "@/db/testing/make-monitor";
import type { WorkspaceCtx } from "@/server/services/context";
import { systemClock } from "@/server/services/context";
import { createStatusPage } from "@/server/services/status-pages/create-status-page";
import { updateStatusPage } from "@/server/services/status-pages/update-status-page";
import { deleteStatusPage } from "@/server/services/status-pages/delete-status-page";
import { setPageSubjects } from "@/server/services/status-pages/set-page-subjects";
import { findVisibleStatusPage } from "@/server/services/status-pages/find-visible-status-page";
import { getStatusPageView } from "@/server/services/status-pages/get-status-page-view";
import { pauseMonitor, resumeMonitor } from "@/server/services/monitors/pause-monitor";
import { handleStatusPage, PREVIEW_PREFIX } from "@/server/http/status-pages/status-page-handler";
import type { StatusPageDeps } from "@/server/http/status-pages/status-page-deps";
import { INTERNAL_HEADER } from "@/server/http/status-pages/loopback-request";
import { PublicPageCache } from "@/server/http/status-pages/page-cache";
import {
  HANDOVER_HEADER,
  handOverView,
  publicHandoverKey,
  takeView,
} from "@/server/services/status-pages/view-handover";
import { PageDirectory } from "@/server/http/status-pages/page-directory";
import {
  invalidateOnEvents,
  PageInvalidator,
} from "@/server/http/status-pages/invalidate-on-events";
import { createIo, type VigilIo } from "@/server/realtime/create-io";
import { relayStatusPages } from "@/server/realtime/relay-status-pages";
import { statusPageRoom, type StatusFlipMessage } from "@/server/realtime/status-page-messages";
import { createStatusPageInput } from "@/server/services/status-pages/status-page-settings";

const SECRET = "test-secret-test-secret-test-secret-0123";
const TOKEN = "internal-token-for-tests";
const logger = pino({ level: "silent" });

/**
 * The status page routes of the custom server over real HTTP and Socket.IO, on a real database.
 * Next's renderer is stood in for by a function that renders the same view (the e2e suite runs the
 * real one): it counts renders and revalidations so caching is observable.
 */
describe(`status page routes and rooms on ${testDbKind()}`, () => {
  let database: TestDatabase;
  let server: http.Server;
  let io: VigilIo;
  let base: string;
  let renders = 0;
  let revalidations: string[] = [];
  const previewTokens: string[] = [];
  /** Public renders that carried Next's revalidation id, and those that took a handed view. */
  const publicRenders = { revalidating: 0, handed: 0 };
  let deps: StatusPageDeps;
  const stops: (() => void)[] = [];
  const sockets: Socket[] = [];

  async function standInForNext(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = req.url ?? "";
    if (url.startsWith("/api/internal/revalidate")) {
      let body = "";
      for await (const chunk of req) body += String(chunk);
      revalidations.push(...(JSON.parse(body) as { paths: string[] }).paths);
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
      return;
    }
    const preview = url.startsWith(PREVIEW_PREFIX);
    const slug = url.slice(preview ? PREVIEW_PREFIX.length : "/status/".length).split(/[/?]/)[0]!;
    const page = await findVisibleStatusPage(database.db, slug, null).catch(() => null);
    const anyPage = preview
      ? await import("@/server/services/status-pages/find-status-page").then((m) =>
          m.findStatusPageBySlug({ ctx: { db: database.db }, input: { slug } }),
        )
      : page;
    if (!anyPage) {
      res.writeHead(404, { "content-type": "text/html" }).end("next's own 404");
      return;
    }
    renders++;
    // As the real preview page does: the view the custom server handed over, if any.
    const token = req.headers[HANDOVER_HEADER];
    if (preview) previewTokens.push(String(token));
    const handed = preview
      ? takeView(typeof token === "string" ? token : null)
      : takeView(publicHandoverKey(slug));
    if (!preview && req.headers["x-prerender-revalidate"]) publicRenders.revalidating++;
    if (!preview && handed) publicRenders.handed++;
    const view =
      (handed ? await handed : null) ??
      (await getStatusPageView(database.db, anyPage, { now: new Date(), baseUrl: base }));
    const rows = view.services.map((s) => `<li>${s.name}: ${s.status}</li>`).join("");
    res
      .writeHead(200, { "content-type": "text/html; charset=utf-8" })
      .end(
        `<html><body>${preview ? "<p>Private preview</p>" : ""}<main data-generated-at="${view.generatedAt}" data-slug="${view.page.slug}"><h1>${view.page.title}</h1><ul>${rows}</ul></main></body></html>`,
      );
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    const cache = new PublicPageCache();
    const directory = new PageDirectory(database.db);
    stops.push(invalidateOnEvents(new PageInvalidator(cache, directory)));
    deps = {
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
    server = http.createServer((req, res) => {
      if (!handleStatusPage(req, res, deps)) void standInForNext(req, res);
    });
    io = createIo(server, { db: database.db, secret: SECRET, logger });
    stops.push(relayStatusPages(io, { db: database.db, logger }));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    stops.forEach((stop) => stop());
    await io.close();
    await database.drop();
  });

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
  async function pageWith(visibility: "public" | "private") {
    const owner = await member();
    const monitor = await makeMonitor(owner.ctx, "http://127.0.0.1:9/", { name: "Checkout API" });
    // A monitor shows once it has a state other than pending: paused is "under maintenance".
    await pauseMonitor({ ctx: owner.ctx, input: { monitorId: monitor.id } });
    const page = await createStatusPage({
      ctx: owner.ctx,
      input: createStatusPageInput.parse({
        slug: `page-${process.pid}-${++n}`,
        title: "Acme Status",
        visibility,
      }),
    });
    return { owner, monitor, page };
  }

  const get = async (path: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${base}${path}`, { headers });
    return { status: res.status, body: await res.text(), headers: res.headers };
  };

  async function socket(cookie?: string): Promise<Socket> {
    const s = connect(base, {
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
  const join = (s: Socket, statusPageId: string) =>
    s.timeout(3000).emitWithAck("room:join", statusPageRoom(statusPageId)) as Promise<{
      ok: boolean;
    }>;

  const PATHS = ["", "/api/v2/summary.json", "/api/v2/status.json", "/view.json"];

  it("serves a private page to nobody but signed-in members: a 404 identical to an unknown slug", async () => {
    const { owner, page } = await pageWith("private");
    const outsider = await member();
    for (const path of PATHS) {
      const unknown = await get(`/status/no-such-page-${n}${path}`);
      expect(unknown.status).toBe(404);
      for (const viewer of [{}, { cookie: outsider.cookie }] as Record<string, string>[]) {
        const res = await get(`/status/${page.slug}${path}`, viewer);
        expect(res.status, `${path} for ${JSON.stringify(viewer)}`).toBe(404);
        expect(res.body).toBe(unknown.body);
        expect(res.body).not.toContain("Acme");
        expect(res.body).not.toContain("Checkout");
        expect(res.headers.get("cache-control")).toBe(unknown.headers.get("cache-control"));
        expect(res.headers.get("etag")).toBeNull();
      }
      const mine = await get(`/status/${page.slug}${path}`, { cookie: owner.cookie });
      expect(mine.status, path).toBe(200);
      expect(mine.body).toContain("Acme Status");
      expect(mine.headers.get("cache-control")).toBe("private, no-store");
    }
    expect((await get(`/status/${page.slug}`, { cookie: owner.cookie })).body).toContain(
      "Private preview",
    );
  });

  it("hands a member's preview the view it started loading; a token from outside names nothing", async () => {
    const { owner, page } = await pageWith("private");
    const other = await pageWith("private");
    const otherView = await getStatusPageView(database.db, other.page, {
      now: new Date(),
      baseUrl: base,
    });
    // A view left under a token someone might send: the header is the custom server's alone.
    handOverView("preview:planted", Promise.resolve(otherView));
    for (const sent of ["preview:planted", "preview:forged", ""]) {
      const res = await get(`/status/${page.slug}`, {
        cookie: owner.cookie,
        ...(sent ? { [HANDOVER_HEADER]: sent } : {}),
      });
      expect(res.status).toBe(200);
      expect(res.body).toContain("Private preview");
      expect(res.body).toContain(`data-slug="${page.slug}"`);
      const seen = previewTokens.at(-1)!;
      expect(seen).toMatch(/^preview:[0-9a-f-]{36}$/);
      expect(seen).not.toBe(sent);
      // Taken by that render, once.
      expect(takeView(seen)).toBeNull();
    }
    expect(await takeView("preview:planted")).toBe(otherView);
    // An outsider's request never gets as far as a handover.
    const outsider = await member();
    const before = previewTokens.length;
    const res = await get(`/status/${page.slug}`, {
      cookie: outsider.cookie,
      [HANDOVER_HEADER]: "preview:planted",
    });
    expect(res.status).toBe(404);
    expect(previewTokens.length).toBe(before);
  });

  it("serves a public page to everyone, from memory after the first render, with ETag and gzip", async () => {
    const { page } = await pageWith("public");
    const before = renders;
    const first = await get(`/status/${page.slug}`);
    expect(first.status).toBe(200);
    expect(first.body).toContain("Checkout API");
    expect(first.headers.get("cache-control")).toBe("public, max-age=0, must-revalidate");
    for (let i = 0; i < 5; i++) expect((await get(`/status/${page.slug}`)).body).toBe(first.body);
    expect(renders - before).toBe(1);

    const etag = first.headers.get("etag")!;
    const revalidated = await fetch(`${base}/status/${page.slug}`, {
      headers: { "if-none-match": etag },
    });
    expect(revalidated.status).toBe(304);

    const raw = await new Promise<Buffer>((resolve) =>
      http.get(`${base}/status/${page.slug}`, { headers: { "accept-encoding": "gzip" } }, (res) => {
        expect(res.headers["content-encoding"]).toBe("gzip");
        const chunks: Buffer[] = [];
        res
          .on("data", (c: Buffer) => chunks.push(c))
          .on("end", () => resolve(Buffer.concat(chunks)));
      }),
    );
    expect(gunzipSync(raw).toString()).toBe(first.body);

    const summary = await get(`/status/${page.slug}/api/v2/summary.json`);
    expect(summary.status).toBe(200);
    expect(summary.headers.get("access-control-allow-origin")).toBe("*");
    const json = JSON.parse(summary.body) as {
      page: { name: string; url: string };
      status: { indicator: string };
      components: { name: string; status: string }[];
    };
    expect(json.page).toMatchObject({
      name: "Acme Status",
      url: `http://status.example/status/${page.slug}`,
    });
    expect(json.status.indicator).toBe("none");
  });

  it("never serves the old state after a flip: the next visitor gets the new one", async () => {
    const { owner, monitor, page } = await pageWith("public");
    const paused = await get(`/status/${page.slug}`);
    expect(paused.body).toContain("Checkout API: under_maintenance");
    const summaryBefore = await get(`/status/${page.slug}/api/v2/summary.json`);
    expect(summaryBefore.body).toContain("under_maintenance");

    revalidations = [];
    // Resumed, it is pending again until its next result: off the page.
    await resumeMonitor({ ctx: owner.ctx, input: { monitorId: monitor.id } });
    const after = await get(`/status/${page.slug}`);
    expect(after.body).not.toContain("Checkout API");
    expect(revalidations).toContain(`/status/${page.slug}`);
    expect((await get(`/status/${page.slug}/api/v2/summary.json`)).body).not.toContain(
      "under_maintenance",
    );
  });

  it("renders a public page afresh with Next's revalidation id and the view it started loading", async () => {
    const { owner, monitor, page } = await pageWith("public");
    deps.revalidateId = "build-revalidation-id";
    try {
      const before = { ...publicRenders };
      revalidations = [];
      const paused = await get(`/status/${page.slug}`);
      expect(paused.body).toContain("Checkout API: under_maintenance");
      expect(paused.body).toContain(`data-slug="${page.slug}"`);
      await resumeMonitor({ ctx: owner.ctx, input: { monitorId: monitor.id } });
      await pauseMonitor({ ctx: owner.ctx, input: { monitorId: monitor.id } });
      await resumeMonitor({ ctx: owner.ctx, input: { monitorId: monitor.id } });
      const resumed = await get(`/status/${page.slug}`);
      expect(resumed.body).not.toContain("Checkout API");
      // One request per render, no revalidation round trip, and each took the handed view.
      expect(publicRenders.revalidating - before.revalidating).toBe(2);
      expect(publicRenders.handed - before.handed).toBe(2);
      expect(revalidations).toEqual([]);
      expect(takeView(publicHandoverKey(page.slug))).toBeNull();
    } finally {
      delete deps.revalidateId;
    }
  });

  it("turns Public → Private on the very next request, even right after the owner and the public viewed it", async () => {
    const { owner, page } = await pageWith("public");
    for (const path of PATHS) expect((await get(`/status/${page.slug}${path}`)).status).toBe(200);
    await updateStatusPage({
      ctx: owner.ctx,
      input: { statusPageId: page.id, changes: { visibility: "private" } },
    });
    for (const path of PATHS) {
      const anon = await get(`/status/${page.slug}${path}`);
      expect(anon.status, path).toBe(404);
      expect(anon.body).not.toContain("Acme");
    }

    // The owner looks first (private preview), then an anonymous client asks.
    expect((await get(`/status/${page.slug}`, { cookie: owner.cookie })).status).toBe(200);
    const anon = await get(`/status/${page.slug}`);
    expect(anon.status).toBe(404);
    expect(anon.body).not.toContain("Checkout");
  });

  it("frees the old slug on rename and forgets a deleted page at once", async () => {
    const { owner, page } = await pageWith("public");
    expect((await get(`/status/${page.slug}`)).status).toBe(200);
    const renamed = await updateStatusPage({
      ctx: owner.ctx,
      input: { statusPageId: page.id, changes: { slug: `${page.slug}-new` } },
    });
    expect((await get(`/status/${page.slug}`)).status).toBe(404);
    expect((await get(`/status/${renamed.slug}`)).status).toBe(200);
    const other = await member();
    await expect(
      createStatusPage({
        ctx: other.ctx,
        input: createStatusPageInput.parse({ slug: page.slug, title: "Mine now" }),
      }),
    ).resolves.toMatchObject({ slug: page.slug });
    await deleteStatusPage({ ctx: owner.ctx, input: { statusPageId: page.id } });
    expect((await get(`/status/${renamed.slug}`)).status).toBe(404);
  });

  it("answers RSC requests, query strings, HEAD and trailing slashes by the same rules, from the same copy", async () => {
    const priv = await pageWith("private");
    const pub = await pageWith("public");
    const unknown = await get(`/status/never-${n}`);
    for (const [path, headers] of [
      [`/status/${priv.page.slug}?_rsc=abc`, {}],
      [`/status/${priv.page.slug}`, { rsc: "1" }],
      [`/status/${priv.page.slug}/`, {}],
      [`/status/${priv.page.slug}/api/v2/summary.json?x=1`, {}],
    ] as [string, Record<string, string>][]) {
      const res = await get(path, headers);
      expect(res.status, path).toBe(404);
      expect(res.body).not.toContain("Acme");
      if (!path.includes(".json")) expect(res.body).toBe(unknown.body);
    }
    const head = await fetch(`${base}/status/${priv.page.slug}`, { method: "HEAD" });
    expect(head.status).toBe(404);

    const before = renders;
    const first = await get(`/status/${pub.page.slug}`);
    for (const [path, headers] of [
      [`/status/${pub.page.slug}?_rsc=random-${n}`, {}],
      [`/status/${pub.page.slug}`, { rsc: "1" }],
      [`/status/${pub.page.slug}/`, {}],
    ] as [string, Record<string, string>][])
      expect((await get(path, headers)).body, path).toBe(first.body);
    expect(renders - before).toBe(1);
    const pubHead = await fetch(`${base}/status/${pub.page.slug}`, { method: "HEAD" });
    expect(pubHead.status).toBe(200);
    expect(await pubHead.text()).toBe("");
  });

  it("sends a slug typed with capitals to its lowercase page, the same way whether it exists or not", async () => {
    const pub = await pageWith("public");
    const priv = await pageWith("private");
    for (const slug of [pub.page.slug, priv.page.slug, `never-${n}`])
      for (const tail of ["", "/", "/api/v2/summary.json?x=1"]) {
        const typed = `${slug.slice(0, 1).toUpperCase()}${slug.slice(1)}`;
        const res = await fetch(`${base}/status/${typed}${tail}`, { redirect: "manual" });
        expect(res.status, typed + tail).toBe(308);
        expect(res.headers.get("location")).toBe(`/status/${slug}${tail}`);
        const cors = res.headers.get("access-control-allow-origin");
        expect(cors).toBe(tail.includes(".json") ? "*" : null);
        expect(await res.text()).toBe("");
      }
    const followed = await get(`/status/${pub.page.slug.toUpperCase()}`);
    expect(followed.status).toBe(200);
    expect(followed.body).toContain("Acme Status");
    expect((await get(`/status/${priv.page.slug.toUpperCase()}`)).status).toBe(404);
    // Not a slug even in lowercase: no redirect.
    expect((await get(`/status/AB`)).status).toBe(404);
  });

  it("refuses anything but GET and HEAD the same way for every slug, and hides internal routes", async () => {
    const { page } = await pageWith("private");
    const a = await fetch(`${base}/status/${page.slug}`, { method: "POST" });
    const b = await fetch(`${base}/status/nothing-here`, { method: "POST" });
    expect([a.status, b.status]).toEqual([405, 405]);
    expect(await a.text()).toBe(await b.text());
    expect((await get(`${PREVIEW_PREFIX}${page.slug}`)).status).toBe(404);
    expect((await fetch(`${base}/api/internal/revalidate`, { method: "POST" })).status).toBe(404);
    expect((await get(`/status/${page.slug}`, { [INTERNAL_HEADER]: "a guess" })).status).toBe(404);
  });

  it("answers a name an object inherits (constructor, __proto__) under a page as the fixed 404", async () => {
    const { page } = await pageWith("public");
    const neverHtml = await get(`/status/never-${n}`);
    const neverJson = await get(`/status/never-${n}/api/v2/summary.json`);
    for (const slug of [page.slug, `never-${n}`])
      for (const tail of [
        "/constructor",
        "/__proto__",
        "/api/v2/constructor",
        "/api/v2/__proto__.json",
        "/api/v2/hasOwnProperty",
        "/toString",
      ]) {
        const res = await get(`/status/${slug}${tail}`);
        const expected = tail.endsWith(".json") ? neverJson : neverHtml;
        expect(res.status, slug + tail).toBe(404);
        expect(res.body, slug + tail).toBe(expected.body);
        expect(res.headers.get("content-type")).toBe(expected.headers.get("content-type"));
      }
  });

  it("lets anyone join a public page's room but only members a private one's, refused like an unknown page", async () => {
    const pub = await pageWith("public");
    const priv = await pageWith("private");
    const outsider = await member();
    const anonymous = await socket();
    const stranger = await socket(outsider.cookie);
    const owner = await socket(priv.owner.cookie);
    await expect(join(anonymous, pub.page.id)).resolves.toMatchObject({ ok: true });
    await expect(join(stranger, pub.page.id)).resolves.toMatchObject({ ok: true });
    const unknown = await join(anonymous, "00000000-0000-4000-8000-000000000000");
    expect(unknown).toMatchObject({ ok: false });
    await expect(join(anonymous, priv.page.id)).resolves.toEqual(unknown);
    await expect(join(stranger, priv.page.id)).resolves.toEqual(unknown);
    await expect(join(owner, priv.page.id)).resolves.toMatchObject({ ok: true });
  });

  it("pushes a flip to the page's viewers at once, never a hidden subject's, and drops viewers when the page goes private", async () => {
    const { owner, monitor, page } = await pageWith("public");
    const hidden = await makeMonitor(owner.ctx, "http://127.0.0.1:9/", { name: "Internal" });
    await setPageSubjects({
      ctx: owner.ctx,
      input: {
        statusPageId: page.id,
        items: [{ subjectKind: "monitor", subjectId: hidden.id, hidden: true, position: null }],
      },
    });
    const viewer = await socket();
    await join(viewer, page.id);
    const received: StatusFlipMessage[] = [];
    viewer.on("status:flip", (f: StatusFlipMessage) => received.push(f));

    await pauseMonitor({ ctx: owner.ctx, input: { monitorId: hidden.id } });
    await resumeMonitor({ ctx: owner.ctx, input: { monitorId: monitor.id } });
    await pauseMonitor({ ctx: owner.ctx, input: { monitorId: monitor.id } });
    await expect.poll(() => received.length).toBe(1);
    expect(received[0]).toMatchObject({
      statusPageId: page.id,
      subjectId: monitor.id,
      status: "under_maintenance",
      state: "paused",
    });

    const gone = new Promise((resolve) => viewer.once("status:gone", resolve));
    await updateStatusPage({
      ctx: owner.ctx,
      input: { statusPageId: page.id, changes: { visibility: "private" } },
    });
    await expect(gone).resolves.toEqual({ statusPageId: page.id });
    await resumeMonitor({ ctx: owner.ctx, input: { monitorId: monitor.id } });
    await new Promise((r) => setTimeout(r, 300));
    expect(received).toHaveLength(1);
  });
});
