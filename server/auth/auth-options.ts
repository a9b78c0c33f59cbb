import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import { headers } from "next/headers";
import { getRuntime, type Runtime } from "@/server/runtime";
import { systemClock } from "@/server/services/context";
import { verifyCredentials } from "@/server/services/users/verify-credentials";
import { getSessionUser } from "@/server/services/users/get-session-user";
import { startSession } from "@/server/services/sessions/start-session";
import { endSession } from "@/server/services/sessions/end-session";
import { signInWithOAuth } from "@/server/services/users/sign-in-with-oauth";
import { isServiceError, type ServiceErrorCode } from "@/server/services/errors";
import { clientIpFrom } from "@/server/auth/client-ip";
import { safeRedirectUrl } from "@/server/domain/auth/safe-callback";

const SESSION_MAX_AGE_SECS = 30 * 24 * 60 * 60;

type TokenClaims = { sub?: string; sid?: string };

async function requestUserAgent(): Promise<string | null> {
  try {
    return (await headers()).get("user-agent");
  } catch {
    return null;
  }
}

function buildAuthOptions(runtime: Runtime): AuthOptions {
  const ctx = () => ({ db: runtime.db, now: systemClock });
  const providers: AuthOptions["providers"] = [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const email = String(credentials?.email ?? "");
        const password = String(credentials?.password ?? "");
        const ip = clientIpFrom(req.headers ?? {});
        const user =
          email && password
            ? await verifyCredentials({ ctx: ctx(), input: { email, password } })
            : null;
        const attempt = { event: "sign-in", provider: "credentials", email, ip };
        // The route guard already counted this attempt; a success gives it back.
        if (!user) {
          runtime.logger.info({ ...attempt, outcome: "failure" }, "sign-in failed");
          return null;
        }
        runtime.logger.info({ ...attempt, outcome: "success", userId: user.id }, "signed in");
        await runtime.signInLimiter.succeeded(email, ip);
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
  ];
  if (runtime.config.github) {
    providers.push(
      GitHubProvider({
        clientId: runtime.config.github.clientId,
        clientSecret: runtime.config.github.clientSecret,
      }),
    );
  }

  return {
    secret: runtime.authSecret,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECS },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers,
    logger: {
      error: (code, meta) => runtime.logger.warn({ code, meta }, "auth error"),
      warn: (code) => runtime.logger.debug({ code }, "auth warning"),
      debug: () => {},
    },
    callbacks: {
      redirect: ({ url, baseUrl }) => safeRedirectUrl(url, baseUrl),
      async signIn({ user, account, profile }) {
        if (!account || account.provider === "credentials") return true;
        try {
          const linked = await signInWithOAuth({
            ctx: ctx(),
            input: {
              provider: account.provider,
              providerAccountId: account.providerAccountId,
              email: user.email ?? profile?.email,
              name: user.name ?? profile?.name,
              signup: runtime.config.signup,
            },
          });
          user.id = linked.id;
          const attempt = { event: "sign-in", provider: account.provider, email: linked.email };
          runtime.logger.info({ ...attempt, outcome: "success", userId: linked.id }, "signed in");
          return true;
        } catch (e) {
          if (isServiceError(e)) {
            const attempt = { event: "sign-in", provider: account.provider, reason: e.code };
            runtime.logger.info({ ...attempt, outcome: "failure" }, "sign-in failed");
            return `/sign-in?error=${oauthErrorCode(e.code)}`;
          }
          throw e;
        }
      },
      async jwt({ token, user }) {
        const claims = token as typeof token & TokenClaims;
        if (user) {
          const session = await startSession({
            ctx: ctx(),
            input: { userId: user.id, userAgent: await requestUserAgent() },
          });
          claims.sub = user.id;
          claims.sid = session.id;
          return claims;
        }
        // A token without `sid` predates session rows: it counts as signed out.
        const current = claims.sub
          ? await getSessionUser({
              ctx: ctx(),
              input: { userId: claims.sub, sessionId: claims.sid },
            })
          : null;
        if (!current) throw new Error("session no longer valid");
        claims.email = current.email;
        claims.name = current.name;
        return claims;
      },
      async session({ session, token }) {
        return {
          ...session,
          user: {
            id: token.sub ?? "",
            email: token.email ?? "",
            name: token.name ?? null,
            sessionId: (token as TokenClaims).sid,
          },
        };
      },
    },
    events: {
      // next-auth's sign-out only clears the cookie; ending the row makes a copy of it worthless.
      async signOut({ token }) {
        const sid = (token as TokenClaims | null)?.sid;
        if (sid) await endSession({ ctx: ctx(), input: { sessionId: sid } });
      },
    },
  };
}

function oauthErrorCode(code: ServiceErrorCode): string {
  if (code === "FORBIDDEN") return "SignupClosed";
  return code === "CONFLICT" ? "OAuthEmailTaken" : "OAuthNoEmail";
}

const cache = new WeakMap<Runtime, AuthOptions>();

/** next-auth options for this process, built once from the runtime (secret, providers, limits). */
export function getAuthOptions(): AuthOptions {
  const runtime = getRuntime();
  let options = cache.get(runtime);
  if (!options) {
    options = buildAuthOptions(runtime);
    cache.set(runtime, options);
  }
  return options;
}
