import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { getSessionUserFromRequest } from "@/server/auth/get-session";
import { getRuntime } from "@/server/runtime";

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
  if (!getRuntime().config.allowSignup) {
    return (
      <AuthCard
        title="Sign-up is closed"
        subtitle="Accounts on this Vigil are created by its operator."
        footer={<>Already have an account? {signInLink}</>}
      >
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Ask the operator to run <code className="font-mono">npx vigil user:create</code> for you.
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
