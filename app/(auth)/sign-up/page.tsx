import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { getSessionUserFromRequest } from "@/server/auth/get-session";
import { getRuntime } from "@/server/runtime";
import { systemClock } from "@/server/services/context";
import { getSignupState } from "@/server/services/instance/get-signup-state";
import { SIGNUP_CLOSED_MESSAGE } from "@/server/domain/instance/access-policy";

export const metadata: Metadata = { title: "Create your account" };
export const dynamic = "force-dynamic";

export default async function SignUpPage() {
  if (await getSessionUserFromRequest()) redirect("/dashboard");
  const signInLink = (
    <Link
      href="/sign-in"
      className="font-medium text-zinc-900 underline-offset-4 hover:underline dark:text-white"
    >
      Sign in
    </Link>
  );
  const runtime = getRuntime();
  const signup = await getSignupState({
    ctx: { db: runtime.db, now: systemClock },
    input: { signup: runtime.config.signup },
  });
  if (!signup.isOpen) {
    return (
      <AuthCard
        title="Sign-up is closed"
        subtitle="Accounts on this Vigil are created by its operator."
        footer={<>Already have an account? {signInLink}</>}
      >
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {SIGNUP_CLOSED_MESSAGE} The operator creates it with{" "}
          <code className="font-mono">npx vigil user:create</code>.
        </p>
      </AuthCard>
    );
  }
  return (
    <AuthCard
      title="Create your account"
      subtitle="Start monitoring endpoints and cron jobs in a couple of minutes."
      footer={<>Already have an account? {signInLink}</>}
    >
      <SignUpForm />
    </AuthCard>
  );
}
