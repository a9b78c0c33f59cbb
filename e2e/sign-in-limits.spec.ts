import { expect, test } from "@playwright/test";
import { PASSWORD, signIn, signUp, uniqueEmail } from "./fixtures";

// The e2e server runs with VIGIL_SIGNIN_MAX_PER_EMAIL=5.
test("failed sign-ins for one email are cut off with 429 and a clear message", async ({
  page,
  request,
}) => {
  const email = uniqueEmail("limited");
  await signUp(page, email);
  await expect(page).toHaveURL(/\/dashboard$/);

  const attempt = async (password: string) => {
    const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as {
      csrfToken: string;
    };
    return request.post("/api/auth/callback/credentials", {
      form: { csrfToken, email, password, json: "true" },
      maxRedirects: 0,
    });
  };
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
