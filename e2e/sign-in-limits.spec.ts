import { expect, test, type APIRequestContext } from "@playwright/test";
import { PASSWORD, signIn, signUp, uniqueEmail } from "./fixtures";

// The e2e server runs with VIGIL_SIGNIN_MAX_PER_EMAIL=5.
async function csrf(request: APIRequestContext): Promise<string> {
  return ((await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string }).csrfToken;
}

test("failed sign-ins for one email are cut off with 429 and a clear message", async ({
  page,
  request,
}) => {
  const email = uniqueEmail("limited");
  await signUp(page, email);
  await expect(page).toHaveURL(/\/dashboard$/);

  const attempt = async (password: string) =>
    request.post("/api/auth/callback/credentials", {
      form: { csrfToken: await csrf(request), email, password, json: "true" },
      maxRedirects: 0,
    });
  for (let i = 0; i < 5; i++) expect((await attempt("Wrong-Password-0")).status()).toBe(401);
  const refused = await attempt(PASSWORD);
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
  expect(((await refused.json()) as { error: string }).error).toMatch(
    /Too many failed sign-in attempts/,
  );

  await page.context().clearCookies();
  await signIn(page, email);
  await expect(page.locator("form").getByRole("alert")).toHaveText(
    /Too many failed sign-in attempts/,
  );
});

test("the limit holds for a JSON body, an extra path segment and a parallel burst", async ({
  page,
  request,
}) => {
  const email = uniqueEmail("bypass");
  await signUp(page, email);
  await expect(page).toHaveURL(/\/dashboard$/);
  const token = await csrf(request);
  const statuses = await Promise.all([
    ...Array.from({ length: 3 }, () =>
      request.post("/api/auth/callback/credentials/extra", {
        form: { csrfToken: token, email, password: "Wrong-Password-0", json: "true" },
        maxRedirects: 0,
      }),
    ),
    ...Array.from({ length: 5 }, () =>
      request.post("/api/auth/callback/credentials", {
        data: { csrfToken: token, email, password: "Wrong-Password-0", json: "true" },
        maxRedirects: 0,
      }),
    ),
  ]).then((responses) => responses.map((r) => r.status()));
  expect(statuses.filter((s) => s === 429)).toHaveLength(3);
  const correct = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken: token, email, password: PASSWORD, json: "true" },
    maxRedirects: 0,
  });
  expect(correct.status()).toBe(429);
});
