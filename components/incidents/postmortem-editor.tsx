"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/select-field";
import { PlainText } from "@/components/status-page/plain-text";
import { formErrorsFrom } from "@/server/domain/validation/validation-issues";
import { POSTMORTEM_MAX } from "@/server/domain/incidents/incident-rules";

/**
 * The postmortem of a resolved incident: plain text, previewed as the public page shows it;
 * saving it empty (or "Remove") takes it off the page.
 */
export function PostmortemEditor({
  incidentId,
  isResolved,
  postmortem,
}: {
  incidentId: string;
  isResolved: boolean;
  postmortem: string | null;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const set = useMutation(trpc.incidents.setPostmortem.mutationOptions());
  const [text, setText] = useState(postmortem ?? "");
  const [errors, setErrors] = useState<Partial<Record<"postmortem" | "form", string>>>({});
  const [saved, setSaved] = useState<string | null>(null);

  if (!isResolved)
    return (
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        A postmortem can be added once the incident is resolved: what happened, why, and what
        changes so it does not happen again.
      </p>
    );

  const store = async (value: string) => {
    setSaved(null);
    try {
      await set.mutateAsync({ incidentId, postmortem: value });
      setText(value);
      setErrors({});
      setSaved(value.trim() === "" ? "Removed from the page." : "Saved; the page shows it.");
      await queryClient.invalidateQueries({ queryKey: trpc.incidents.pathKey() });
    } catch (error) {
      setErrors(formErrorsFrom(error, ["postmortem"] as const, "Could not save the postmortem"));
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void store(text);
  };

  return (
    <form onSubmit={submit} className="space-y-4" aria-label="Postmortem">
      <TextAreaField
        id="postmortem"
        label="Postmortem"
        rows={8}
        value={text}
        error={errors.postmortem ?? errors.form}
        hint={`${text.length.toLocaleString("en-US")} / ${POSTMORTEM_MAX.toLocaleString("en-US")} characters; plain text, line breaks and links kept.`}
        onChange={(e) => {
          setText(e.target.value);
          setSaved(null);
        }}
      />
      {text.trim() ? (
        <div data-testid="postmortem-preview">
          <p className="text-xs text-zinc-500 dark:text-zinc-400">As visitors will see it</p>
          <div className="mt-1 border-l-2 border-zinc-300 pl-3 dark:border-zinc-700">
            <p className="text-xs font-semibold tracking-wide uppercase">Postmortem</p>
            <PlainText text={text} className="mt-1 text-sm" />
          </div>
        </div>
      ) : null}
      <div className="flex flex-wrap items-center justify-end gap-3">
        {saved ? (
          <p role="status" className="mr-auto text-sm text-zinc-600 dark:text-zinc-400">
            {saved}
          </p>
        ) : null}
        {postmortem ? (
          <Button
            type="button"
            variant="secondary"
            className="text-red-700 dark:text-red-400"
            disabled={set.isPending}
            onClick={() => {
              if (window.confirm("Remove the postmortem from your status pages?")) void store("");
            }}
          >
            Remove
          </Button>
        ) : null}
        <Button type="submit" disabled={set.isPending || text.trim() === ""}>
          Save postmortem
        </Button>
      </div>
    </form>
  );
}
