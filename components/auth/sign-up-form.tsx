"use client";

import { useMutation } from "@tanstack/react-query";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormAlert } from "@/components/ui/field";
import { useTRPC } from "@/components/trpc/client";

type FieldErrors = { email?: string; password?: string; name?: string };

function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1) + (message.endsWith(".") ? "" : ".");
}

export function SignUpForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const signUp = useMutation(trpc.account.signUp.mutationOptions());
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "");
    const password = String(form.get("password") ?? "");
    const name = String(form.get("name") ?? "").trim();
    setFieldErrors({});
    setFormError(null);
    if (password !== String(form.get("confirm") ?? "")) {
      setFieldErrors({ password: "The two passwords do not match." });
      return;
    }
    setPending(true);
    try {
      await signUp.mutateAsync({ email, password, name: name || undefined });
      const result = await signIn("credentials", {
        email,
        password,
        redirect: false,
        callbackUrl: "/dashboard",
      });
      if (!result || result.error) {
        router.replace("/sign-in");
        return;
      }
      router.replace("/dashboard");
      router.refresh();
    } catch (e) {
      const err = e as { message?: string; data?: { field?: string | null } | null };
      const message = sentence(err.message ?? "Sign-up failed");
      const field = err.data?.field;
      if (field === "email" || field === "password" || field === "name")
        setFieldErrors({ [field]: message });
      else setFormError(message);
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={(event) => void onSubmit(event)} className="space-y-4" noValidate>
      {formError ? <FormAlert>{formError}</FormAlert> : null}
      <Field
        id="name"
        name="name"
        label="Name"
        autoComplete="name"
        placeholder="Ada Lovelace"
        error={fieldErrors.name}
      />
      <Field
        id="email"
        name="email"
        type="email"
        label="Email"
        autoComplete="email"
        required
        error={fieldErrors.email}
      />
      <Field
        id="password"
        name="password"
        type="password"
        label="Password"
        autoComplete="new-password"
        required
        hint="At least 8 characters."
        error={fieldErrors.password}
      />
      <Field
        id="confirm"
        name="confirm"
        type="password"
        label="Confirm password"
        autoComplete="new-password"
        required
      />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Creating your account…" : "Create account"}
      </Button>
    </form>
  );
}
