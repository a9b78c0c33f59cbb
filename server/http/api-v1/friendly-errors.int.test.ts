import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { createTestDatabase, testDbKind, type TestDatabase } from "@/db/testing/test-database";
import { makeUser } from "@/db/testing/factories";
import { setRuntime } from "@/server/runtime";
import { systemClock } from "@/server/services/context";
import { SignInLimiter } from "@/server/services/auth/sign-in-limiter";
import { createApiKey } from "@/server/services/api-keys/create-api-key";
import { createCaller } from "@/server/trpc/root";
import { createTrpcContext } from "@/server/trpc/init";
import { formErrorsFrom, toWireIssues } from "@/server/domain/validation/validation-issues";
import * as statusPages from "@/app/api/v1/status-pages/route";
import * as statusPage from "@/app/api/v1/status-pages/[id]/route";
import * as monitors from "@/app/api/v1/monitors/route";
import { expectDocumented } from "@/server/http/api-v1/testing/expect-documented";
import { installTestRuntime } from "@/testing/runtime/test-runtime";

const BASE_URL = "https://vigil.example.com";
const LONG_TITLE = "T".repeat(10_000);
let counter = 0;
const freshSlug = () => `friendly-${Date.now().toString(36)}-${counter++}`;

type Handler = (req: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** What a form shows for a tRPC refusal: the error as the server's error formatter sends it. */
function formErrorsOf(error: unknown, fields: readonly string[]) {
  const e = error as { message: string; cause?: unknown; data?: unknown };
  const zodIssues = e.cause instanceof ZodError ? toWireIssues(e.cause.issues) : null;
  const field = (e.cause as { details?: { field?: string } } | undefined)?.details?.field ?? null;
  return formErrorsFrom({ message: e.message, data: { zodIssues, field } }, fields, "x");
}

describe(`friendly errors at every entry point on ${testDbKind()}`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    installTestRuntime(database, { VIGIL_BASE_URL: BASE_URL });
  });
  afterAll(async () => {
    setRuntime(undefined);
    await database.drop();
  });

  async function member() {
    const made = await makeUser(database.db);
    const { key } = await createApiKey({
      ctx: { db: database.db, now: systemClock },
      input: { email: made.email },
    });
    const trpc = createCaller(
      createTrpcContext({
        db: database.db,
        user: made.user,
        clientIp: "203.0.113.7",
        requestedWorkspaceId: null,
        signup: "open",
        privateTargets: "all",
        signInLimiter: new SignInLimiter({ perEmail: 10, perIp: 100, windowSecs: 900 }),
        baseUrl: BASE_URL,
      }),
    );
    const rest = async (route: object, method: string, path: string, body?: unknown) => {
      const id = path.split("/").filter(Boolean).at(-1);
      const req = new Request(`${BASE_URL}/api/v1${path}`, {
        method,
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const handler = (route as Record<string, Handler>)[method]!;
      const params: Record<string, string> = route === statusPage && id ? { id } : {};
      const res = await handler(req, { params: Promise.resolve(params) });
      await expectDocumented(method, req.url, res);
      return { status: res.status, json: (await res.json().catch(() => null)) as unknown };
    };
    return { trpc, rest };
  }

  it("refuses a 10,000-character page title over REST with a 400 naming the field, and saves nothing", async () => {
    const { rest } = await member();
    const res = await rest(statusPages, "POST", "/status-pages", {
      slug: freshSlug(),
      title: LONG_TITLE,
    });
    expect(res).toEqual({
      status: 400,
      json: { error: "title: Title must be at most 100 characters" },
    });
    expect(await rest(statusPages, "GET", "/status-pages")).toMatchObject({
      status: 200,
      json: { status_pages: [] },
    });
  });

  it("refuses a too long title in a REST edit and keeps the old one", async () => {
    const { rest } = await member();
    const created = await rest(statusPages, "POST", "/status-pages", {
      slug: freshSlug(),
      title: "Acme",
    });
    const id = (created.json as { id: string }).id;
    const res = await rest(statusPage, "PATCH", `/status-pages/${id}`, { title: LONG_TITLE });
    expect(res).toEqual({
      status: 400,
      json: { error: "title: Title must be at most 100 characters" },
    });
    expect((await rest(statusPage, "GET", `/status-pages/${id}`)).json).toMatchObject({
      title: "Acme",
    });
  });

  it("refuses a too long title over tRPC, next to the title field, and saves nothing", async () => {
    const { trpc } = await member();
    const error = await trpc.statusPage
      .create({ slug: freshSlug(), title: LONG_TITLE })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "BAD_REQUEST" });
    expect(formErrorsOf(error, ["title", "slug"])).toEqual({
      title: "Title must be at most 100 characters.",
    });
    expect(await trpc.statusPage.list()).toEqual([]);
  });

  it("says the same about a monitor's timeout over tRPC and REST", async () => {
    const { trpc, rest } = await member();
    const input = { name: "api", url: "https://example.com/", intervalSecs: 10, timeoutSecs: 10 };
    const error = await trpc.monitor.create(input).catch((e: unknown) => e);
    expect(formErrorsOf(error, ["timeoutSecs", "intervalSecs"])).toEqual({
      timeoutSecs: "Timeout must be shorter than the check interval (10 s is not less than 10 s).",
    });
    const res = await rest(monitors, "POST", "/monitors", {
      name: "api",
      url: "https://example.com/",
      interval_secs: 10,
      timeout_secs: 10,
    });
    expect(res).toEqual({
      status: 400,
      json: {
        error:
          "timeout_secs: Timeout must be shorter than the check interval (10 s is not less than 10 s)",
      },
    });
    expect(await trpc.monitor.list()).toEqual([]);
  });

  it.each([
    [{ interval_secs: 5 }, "interval_secs: Interval must be at least 10 seconds"],
    [{ name: "n".repeat(101) }, "name: Name must be at most 100 characters"],
    [{ name: "" }, "name: Name must not be empty"],
  ])("answers a monitor %j with %s", async (change, message) => {
    const { rest } = await member();
    const res = await rest(monitors, "POST", "/monitors", {
      name: "api",
      url: "https://example.com/",
      ...change,
    });
    expect(res).toEqual({ status: 400, json: { error: message } });
  });
});
