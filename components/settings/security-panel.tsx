"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormAlert } from "@/components/ui/field";
import { useTRPC } from "@/components/trpc/client";

type FieldErrors = { currentPassword?: string; newPassword?: string; confirm?: string };

function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1) + (message.endsWith(".") ? "" : ".");
}

function Sessions() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sessions = useQuery(trpc.account.sessions.queryOptions());
  const signOutOthers = useMutation(
    trpc.account.signOutOtherSessions.mutationOptions({
      onSettled: () => queryClient.invalidateQueries(trpc.account.sessions.queryFilter()),
    }),
  );
  const active = sessions.data?.active;
  return (
    <div className="px-5 py-4">
      <h3 className="text-sm font-medium">Sessions</h3>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400" data-testid="session-count">
        {active === undefined
          ? "\u00a0"
          : active === 1
            ? "You are signed in on this browser only."
            : `You are signed in on ${active} browsers, this one included.`}
      </p>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <Button
          type="button"
          variant="secondary"
          disabled={signOutOthers.isPending}
          onClick={() => signOutOthers.mutate()}
        >
          {signOutOthers.isPending ? "Signing out…" : "Sign out everywhere else"}
        </Button>
        {signOutOthers.data ? (
          <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
            {signOutOthers.data.ended === 0
              ? "No other sessions were signed in."
              : `Signed out ${signOutOthers.data.ended} other session${signOutOthers.data.ended === 1 ? "" : "s"}.`}
          </p>
        ) : signOutOthers.error ? (
          <p role="alert" className="text-sm text-red-600 dark:text-red-400">
            {sentence(signOutOthers.error.message)}
          </p>
        ) : null}
      </div>
    </div>
  );
}

function ChangePassword() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const change = useMutation(trpc.account.changePassword.mutationOptions());
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const currentPassword = String(form.get("currentPassword") ?? "");
    const newPassword = String(form.get("newPassword") ?? "");
    setFieldErrors({});
    setFormError(null);
    setDone(null);
    if (!currentPassword)
      return setFieldErrors({ currentPassword: "Enter your current password." });
    if (newPassword !== String(form.get("confirm") ?? ""))
      return setFieldErrors({ confirm: "The two new passwords do not match." });
    try {
      const result = await change.mutateAsync({ currentPassword, newPassword });
      formElement.reset();
      setDone(
        result.endedSessions === 0
          ? "Password changed."
          : `Password changed. ${result.endedSessions} other session${result.endedSessions === 1 ? " was" : "s were"} signed out.`,
      );
      void queryClient.invalidateQueries(trpc.account.sessions.queryFilter());
    } catch (e) {
      const err = e as { message?: string; data?: { field?: string | null } | null };
      const message = sentence(err.message ?? "The password was not changed");
      const field = err.data?.field;
      if (field === "currentPassword" || field === "newPassword")
        setFieldErrors({ [field]: message });
      else setFormError(message);
    }
  }

  return (
    <form
      onSubmit={(event) => void onSubmit(event)}
      className="max-w-md space-y-4 px-5 py-4"
      noValidate
    >
      <h3 className="text-sm font-medium">Change password</h3>
      {formError ? <FormAlert>{formError}</FormAlert> : null}
      <Field
        id="current-password"
        name="currentPassword"
        type="password"
        label="Current password"
        autoComplete="current-password"
        required
        error={fieldErrors.currentPassword}
      />
      <Field
        id="new-password"
        name="newPassword"
        type="password"
        label="New password"
        autoComplete="new-password"
        required
        hint="At least 8 characters."
        error={fieldErrors.newPassword}
      />
      <Field
        id="confirm-new-password"
        name="confirm"
        type="password"
        label="New password again"
        autoComplete="new-password"
        required
        error={fieldErrors.confirm}
      />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={change.isPending}>
          {change.isPending ? "Changing…" : "Change password"}
        </Button>
        {done ? (
          <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
            {done}
          </p>
        ) : null}
      </div>
    </form>
  );
}

/** Settings → Security: this user's sessions and password; both can sign other browsers out. */
export function SecurityPanel() {
  return (
    <section
      aria-labelledby="security-title"
      className="rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900"
    >
      <div className="border-b border-zinc-200 px-5 py-4 dark:border-zinc-800">
        <h2 id="security-title" className="font-medium">
          Security
        </h2>
        <p className="mt-0.5 text-sm text-zinc-600 dark:text-zinc-400">
          Signing out, here or anywhere, ends the session on the server: a copied cookie stops
          working, and open dashboards disconnect.
        </p>
      </div>
      <div className="divide-y divide-zinc-100 dark:divide-zinc-800">
        <Sessions />
        <ChangePassword />
      </div>
    </section>
  );
}
