"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormAlert } from "@/components/ui/field";

const MESSAGES: Record<string, string> = {
  CredentialsSignin: "Incorrect email or password.",
  RateLimited: "Too many failed sign-in attempts. Wait a few minutes and try again.",
  OAuthAccountNotLinked: "This email already has an account: sign in with your password.",
  OAuthEmailTaken: "This email already has an account: sign in with your password.",
  OAuthNoEmail: "Your GitHub account has no public email address; sign up with email instead.",
  SessionRequired: "Sign in to continue.",
  SignupClosed:
    "This GitHub account has no account on this Vigil, and sign-up is closed. Ask its operator for an account.",
};

export function errorMessage(code: string | undefined | null): string | null {
  if (!code) return null;
  return MESSAGES[code] ?? "Sign-in failed. Try again.";
}

export function SignInForm({
  callbackUrl,
  initialError,
  hasGitHub,
}: {
  callbackUrl: string;
  initialError: string | null;
  hasGitHub: boolean;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(initialError);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", {
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        redirect: false,
        callbackUrl,
      });
      if (!result || result.error) {
        setError(errorMessage(result?.error ?? "CredentialsSignin"));
        return;
      }
      router.replace(callbackUrl);
      router.refresh();
    } catch {
      setError("Vigil could not be reached. Check your connection and try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="space-y-5">
      <form onSubmit={(event) => void onSubmit(event)} className="space-y-4" noValidate>
        {error ? <FormAlert>{error}</FormAlert> : null}
        <Field
          id="email"
          name="email"
          type="email"
          label="Email"
          autoComplete="email"
          required
          autoFocus
        />
        <Field
          id="password"
          name="password"
          type="password"
          label="Password"
          autoComplete="current-password"
          required
        />
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? "Signing in…" : "Sign in"}
        </Button>
      </form>
      {hasGitHub ? (
        <>
          <div className="flex items-center gap-3 text-xs text-zinc-500">
            <span className="h-px flex-1 bg-zinc-200 dark:bg-zinc-800" /> or{" "}
            <span className="h-px flex-1 bg-zinc-200 dark:bg-zinc-800" />
          </div>
          <Button
            type="button"
            variant="secondary"
            className="w-full"
            onClick={() => void signIn("github", { callbackUrl })}
          >
            Continue with GitHub
          </Button>
        </>
      ) : null}
    </div>
  );
}
