"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Field, FormAlert } from "@/components/ui/field";
import { TextAreaField } from "@/components/ui/select-field";
import type { Kind } from "@/components/alerts/kinds";
import {
  channelErrorsFrom,
  parseHeaderLines,
  type ChannelErrors,
} from "@/components/alerts/form-errors";

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

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const url = String(form.get("url") ?? "").trim();
    const headerText = String(form.get("headers") ?? "");
    const headers = parseHeaderLines(headerText);
    if (typeof headers === "string") return setErrors({ headers });
    const dropHeaders = form.get("dropHeaders") === "on";
    setErrors({});
    try {
      await update.mutateAsync({
        id: channel.id,
        changes: {
          name: String(form.get("name") ?? ""),
          ...(kind === "email" ? { to: String(form.get("to") ?? "") } : url ? { url } : {}),
          ...(kind === "webhook" && (headerText.trim() || dropHeaders) ? { headers } : {}),
        },
      });
      await queryClient.invalidateQueries({ queryKey: trpc.alerts.pathKey() });
      onDone();
    } catch (e) {
      setErrors(channelErrorsFrom(e, "Could not save the channel"));
    }
  }

  return (
    <form
      onSubmit={submit}
      // A field's error goes once it is being corrected.
      onInput={(e) => {
        const field = (e.target as HTMLInputElement).name as keyof ChannelErrors;
        if (errors[field]) setErrors(({ [field]: _, ...rest }) => rest);
      }}
      noValidate
      className="space-y-5"
      aria-label="Edit channel"
    >
      {errors.form ? <FormAlert>{errors.form}</FormAlert> : null}
      <div className="grid gap-5 sm:grid-cols-2">
        <Field
          id="edit-name"
          name="name"
          label="Name"
          defaultValue={channel.name}
          required
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
                  ? `Now: ${channel.headerNames.join(", ")}. Lines here replace them all; empty keeps them.`
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
        <Button type="button" variant="ghost" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" disabled={update.isPending}>
          {update.isPending ? "Saving…" : "Save changes"}
        </Button>
      </div>
    </form>
  );
}
