"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Field, FormAlert } from "@/components/ui/field";
import { TextAreaField } from "@/components/ui/select-field";
import type { Kind } from "@/components/alerts/kinds";
import type { ChannelErrors } from "@/components/alerts/channel-errors";
import { formErrorsFrom } from "@/server/domain/validation/validation-issues";
import { channelChanges } from "@/components/alerts/channel-input";

type Editable = {
  id: string;
  name: string;
  kind: Kind;
  /** Masked where it holds a secret: shown as a hint, never sent back. */
  url: string | null;
  to: string | null;
  headerNames: string[];
};

/**
 * Changes a channel's name and where it sends, keeping its subjects, log and secret. The URL and
 * header values are never shown (they may hold secrets): left empty, they stay as they are.
 */
export function ChannelEditForm({ channel, onDone }: { channel: Editable; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const update = useMutation(trpc.alerts.updateChannel.mutationOptions());
  const [errors, setErrors] = useState<ChannelErrors>({});
  const { kind } = channel;
  const shown: (keyof ChannelErrors)[] = [
    "name",
    kind === "email" ? "to" : "url",
    ...(kind === "webhook" ? (["headers"] as const) : []),
  ];

  function showErrors(form: HTMLFormElement, found: ChannelErrors) {
    setErrors(found);
    // The first field to correct gets the focus, so its message is read out with it.
    const first = shown.find((f) => f in found);
    if (first)
      requestAnimationFrame(() => form.querySelector<HTMLElement>(`#edit-${first}`)?.focus());
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formEl = event.currentTarget;
    const form = new FormData(formEl);
    const built = channelChanges(kind, {
      name: String(form.get("name") ?? ""),
      url: String(form.get("url") ?? ""),
      to: String(form.get("to") ?? ""),
      headers: String(form.get("headers") ?? ""),
      dropHeaders: form.get("dropHeaders") === "on",
    });
    if (built.error) return showErrors(formEl, built.error);
    setErrors({});
    try {
      await update.mutateAsync({ id: channel.id, changes: built.changes });
      await queryClient.invalidateQueries({ queryKey: trpc.alerts.pathKey() });
      onDone();
    } catch (e) {
      showErrors(formEl, formErrorsFrom(e, shown, "Could not save the channel"));
    }
  }

  return (
    <form
      onSubmit={(event) => void submit(event)}
      // A field's error goes once it is being corrected.
      onInput={(e) => {
        const field = (e.target as HTMLInputElement).name as keyof ChannelErrors;
        if (errors[field]) setErrors(({ [field]: _, ...rest }) => rest);
      }}
      noValidate
      className="space-y-5"
      aria-label="Channel settings"
    >
      {errors.form ? <FormAlert>{errors.form}</FormAlert> : null}
      <div className="grid gap-5 sm:grid-cols-2">
        <Field
          id="edit-name"
          name="name"
          label="Name"
          defaultValue={channel.name}
          required
          autoFocus
          error={errors.name}
        />
        {kind === "email" ? (
          <Field
            id="edit-to"
            name="to"
            label="Send to"
            type="text"
            defaultValue={channel.to ?? ""}
            hint="One address, or several separated by commas."
            error={errors.to}
          />
        ) : (
          <Field
            id="edit-url"
            name="url"
            label={kind === "ntfy" ? "New topic URL" : "New webhook URL"}
            type="url"
            placeholder="https://"
            hint={`Now ${channel.url ?? "not set"}. Leave empty to keep it.`}
            error={errors.url}
            autoComplete="off"
          />
        )}
        {kind === "webhook" ? (
          <div className="space-y-3 sm:col-span-2">
            <TextAreaField
              id="edit-headers"
              name="headers"
              label="Replace extra headers"
              placeholder="Authorization: Bearer …"
              hint={
                channel.headerNames.length
                  ? `Now: ${channel.headerNames.join(", ")}. Lines here replace them all; left empty, they stay.`
                  : "One per line, Name: value. Values are never shown again."
              }
              error={errors.headers}
            />
            {channel.headerNames.length ? (
              <label className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  name="dropHeaders"
                  className="size-4 rounded border-zinc-300 dark:border-zinc-600 dark:bg-zinc-900"
                />
                Remove the extra headers (unless new ones are given above)
              </label>
            ) : null}
          </div>
        ) : null}
      </div>
      <div className="flex flex-wrap justify-end gap-2">
        <Button type="button" variant="ghost" onClick={onDone} disabled={update.isPending}>
          Cancel
        </Button>
        <Button type="submit" disabled={update.isPending}>
          {update.isPending ? "Saving…" : "Save changes"}
        </Button>
      </div>
    </form>
  );
}
