import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInForm, errorMessage } from "@/components/auth/sign-in-form";
import { safeCallbackUrl } from "@/server/domain/auth/safe-callback";
import { getSessionUserFromRequest } from "@/server/auth/get-session";
import { getRuntime } from "@/server/runtime";
import { systemClock } from "@/server/services/context";
import { getSignupState } from "@/server/services/instance/get-signup-state";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await getSessionUserFromRequest()) redirect(callbackUrl);
  const { config, db } = getRuntime();
  const signup = await getSignupState({
    ctx: { db, now: systemClock },
    input: { signup: config.signup },
  });
  const error = typeof params.error === "string" ? errorMessage(params.error) : null;
  return (
    <AuthCard
      title="Sign in to Vigil"
      subtitle="Welcome back. Your monitors kept watch while you were away."
      footer={
        signup.isOpen ? (
          <>
            New to Vigil?{" "}
            <Link
              href="/sign-up"
              className="font-medium text-zinc-900 underline-offset-4 hover:underline dark:text-white"
            >
              Create an account
            </Link>
          </>
        ) : (
          "Accounts on this Vigil are created by its operator."
        )
      }
    >
      <SignInForm
        callbackUrl={callbackUrl}
        initialError={error}
        hasGitHub={Boolean(config.github)}
      />
    </AuthCard>
  );
}
