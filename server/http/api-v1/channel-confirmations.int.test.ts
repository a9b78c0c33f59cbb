import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDbKind, type TestDatabase } from "@/db/testing/test-database";
import { makeUser } from "@/db/testing/factories";
import { setRuntime } from "@/server/runtime";
import { createApiKey } from "@/server/services/api-keys/create-api-key";
import { systemClock } from "@/server/services/context";
import { startSmtp, type TestSmtp } from "@/testing/alerts/start-smtp";
import { confirmEmail } from "@/server/services/alerts/confirm-email";
import * as channelsRoute from "@/app/api/v1/channels/route";
import * as channelRoute from "@/app/api/v1/channels/[id]/route";
import * as resendRoute from "@/app/api/v1/channels/[id]/resend-confirmation/route";
import { expectDocumented } from "@/server/http/api-v1/testing/expect-documented";
import { installTestRuntime } from "@/testing/runtime/test-runtime";

type Handler = (
  req: Request,
  ctx: { params: Promise<Record<string, string>> },
) => Promise<Response>;
type Json = Record<string, unknown>;

describe(`REST API v1 email confirmations on ${testDbKind()}`, () => {
  let database: TestDatabase;
  let smtp: TestSmtp;
  beforeAll(async () => {
    database = await createTestDatabase();
    smtp = await startSmtp();
    installTestRuntime(database, {
      SMTP_URL: smtp.url,
      MAIL_FROM: "Vigil <vigil@example.com>",
      VIGIL_BASE_URL: "https://vigil.example.com",
      VIGIL_ALLOW_PRIVATE_TARGETS: "true",
    });
  });
  afterAll(async () => {
    setRuntime(undefined);
    await smtp.close();
    await database.drop();
  });

  async function apiUser() {
    const { email } = await makeUser(database.db);
    const { key } = await createApiKey({
      ctx: { db: database.db, now: systemClock },
      input: { email },
    });
    return async (handler: Handler, method: string, body?: unknown, id = "") => {
      const res = await handler(
        new Request("http://vigil.test/api/v1/channels", {
          method,
          headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
          body: body === undefined ? undefined : JSON.stringify(body),
        }),
        { params: Promise.resolve({ id }) },
      );
      const path =
        handler === resendRoute.POST
          ? `/api/v1/channels/${id}/resend-confirmation`
          : `/api/v1/channels${id ? `/${id}` : ""}`;
      await expectDocumented(method, path, res);
      const text = await res.text();
      return {
        status: res.status,
        headers: res.headers,
        json: (text ? JSON.parse(text) : null) as Json,
      };
    };
  }

  it("shows an email channel unconfirmed until its address confirms, and resends at most every few minutes", async () => {
    const call = await apiUser();
    const to = `rest-${Date.now()}@example.com`;
    const created = await call(channelsRoute.POST, "POST", { name: "mail", kind: "email", to });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      status: "unconfirmed",
      recipients: [{ email: to, confirmed: false, confirmation_sent_at: expect.any(String) }],
    });
    expect(smtp.to(to)).toHaveLength(1);
    expect(smtp.to(to)[0]?.raw).toContain("https://vigil.example.com/confirm-email/");
    const id = created.json.id as string;

    const again = await call(resendRoute.POST, "POST", undefined, id);
    expect(again.status).toBe(429);
    expect(Number(again.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(again.json.error).toContain("try again in");
    expect(smtp.to(to)).toHaveLength(1);

    const outsider = await apiUser();
    expect((await outsider(resendRoute.POST, "POST", undefined, id)).status).toBe(404);

    await confirmEmail({
      ctx: { db: database.db, now: systemClock },
      input: { token: smtp.tokenFor(to) ?? "" },
    });
    expect((await call(channelRoute.GET, "GET", undefined, id)).json).toMatchObject({
      status: "working",
      recipients: [{ email: to, confirmed: true }],
    });
    expect((await call(resendRoute.POST, "POST", undefined, id)).status).toBe(409);
  });

  it("shows no recipients for a channel that mails nobody", async () => {
    const call = await apiUser();
    const created = await call(channelsRoute.POST, "POST", {
      name: "ntfy",
      kind: "ntfy",
      url: "http://127.0.0.1:9/vigil-test",
    });
    expect(created.json).toMatchObject({ status: "working", recipients: null });
  });
});
