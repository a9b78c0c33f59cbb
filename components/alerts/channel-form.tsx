"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormFrame } from "@/components/ui/form-frame";
import { SelectField, TextAreaField } from "@/components/ui/select-field";
import { KIND_HINTS, KIND_LABELS, type Kind } from "@/components/alerts/kinds";
import type { ChannelErrors } from "@/components/alerts/channel-errors";
import { formErrorsFrom } from "@/server/domain/validation/validation-issues";
import { parseHeaderLines } from "@/components/ui/header-lines";

/** Adds a channel; a webhook's signing secret is shown once, right here, after creation. */
export function ChannelForm({
  onCreated,
}: {
  onCreated: (id: string, secret: string | null) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const create = useMutation(trpc.alerts.createChannel.mutationOptions());
  const [kind, setKind] = useState<Kind>("webhook");
  const [errors, setErrors] = useState<ChannelErrors>({});

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formEl = event.currentTarget;
    const form = new FormData(formEl);
    const headers = parseHeaderLines(String(form.get("headers") ?? ""));
    if (typeof headers === "string") return setErrors({ headers });
    const secret = String(form.get("secret") ?? "").trim();
    setErrors({});
    try {
      const result = await create.mutateAsync({
        name: String(form.get("name") ?? ""),
        kind,
        ...(kind === "email"
          ? { to: String(form.get("to") ?? "") }
          : { url: String(form.get("url") ?? "") }),
        ...(kind === "webhook" ? { headers, ...(secret ? { secret } : {}) } : {}),
        enabled: true,
        isDefault: form.get("isDefault") === "on",
      });
      await queryClient.invalidateQueries({ queryKey: trpc.alerts.pathKey() });
      formEl.reset();
      onCreated(result.channel.id, result.secret);
    } catch (e) {
      setErrors(
        formErrorsFrom(
          e,
          [
            "name",
            kind === "email" ? "to" : "url",
            ...(kind === "webhook" ? (["secret", "headers"] as const) : []),
          ],
          "Could not add the channel",
        ),
      );
    }
  }

  return (
    <FormFrame onSubmit={submit} className="space-y-5" label="Add a channel" error={errors.form}>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field
          id="channel-name"
          name="name"
          label="Name"
          placeholder="On-call team"
          required
          error={errors.name}
        />
        <SelectField
          id="channel-kind"
          name="kind"
          label="Type"
          value={kind}
          onChange={(e) => setKind(e.target.value as Kind)}
          hint={KIND_HINTS[kind]}
        >
          {Object.entries(KIND_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
        <div className="sm:col-span-2">
          {kind === "email" ? (
            <Field
              id="channel-to"
              name="to"
              label="Send to"
              type="text"
              placeholder="oncall@example.com, ops@example.com"
              error={errors.to}
            />
          ) : (
            <Field
              id="channel-url"
              name="url"
              label={kind === "ntfy" ? "Topic URL" : "Webhook URL"}
              type="url"
              placeholder="https://"
              error={errors.url}
            />
          )}
        </div>
        {kind === "webhook" ? (
          <>
            <Field
              id="channel-secret"
              name="secret"
              label="Signing secret"
              placeholder="generated for you"
              hint="Leave empty and Vigil makes one; it is shown once."
              error={errors.secret}
              autoComplete="off"
            />
            <TextAreaField
              id="channel-headers"
              name="headers"
              label="Extra headers"
              placeholder="Authorization: Bearer …"
              hint="One per line, Name: value. Values are never shown again."
              error={errors.headers}
            />
          </>
        ) : null}
      </div>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            name="isDefault"
            defaultChecked
            className="size-4 rounded border-zinc-300 dark:border-zinc-600 dark:bg-zinc-900"
          />
          Alert new monitors and heartbeats here by default
        </label>
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? "Adding…" : "Add channel"}
        </Button>
      </div>
    </FormFrame>
  );
}
