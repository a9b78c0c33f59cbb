"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { TextAreaField } from "@/components/ui/select-field";
import { useReader } from "@/components/ui/use-reader";
import { asMessageError } from "@/components/incidents/incident-words";
import { formErrorsFrom } from "@/server/domain/validation/validation-issues";
import { ANNOUNCEMENT_MAX } from "@/server/domain/incidents/incident-rules";

const FIELDS = ["body", "expiresAt"] as const;

/** "Post an announcement": a short notice and, if it should stop showing, when. */
export function AnnouncementForm({ statusPageId }: { statusPageId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const reader = useReader();
  const create = useMutation(trpc.announcements.create.mutationOptions());
  const [body, setBody] = useState("");
  const [expires, setExpires] = useState("");
  const [errors, setErrors] = useState<Partial<Record<(typeof FIELDS)[number] | "form", string>>>(
    {},
  );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      // datetime-local is the viewer's wall-clock time; the server gets the instant.
      const expiresAt = expires ? new Date(expires).toISOString() : null;
      await create.mutateAsync({ statusPageId, body, expiresAt });
      setBody("");
      setExpires("");
      setErrors({});
      await queryClient.invalidateQueries({ queryKey: trpc.announcements.pathKey() });
    } catch (error) {
      setErrors(formErrorsFrom(error, FIELDS, "Could not post the announcement"));
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} className="space-y-4" aria-label="Post an announcement">
      <TextAreaField
        id="announcement-body"
        label="Message"
        rows={3}
        value={body}
        error={asMessageError(errors.body)}
        hint={`${body.length.toLocaleString("en-US")} / ${ANNOUNCEMENT_MAX.toLocaleString("en-US")} characters; shown at the top of the page, plain text and links.`}
        onChange={(e) => setBody(e.target.value)}
      />
      <div className="max-w-xs">
        <Field
          id="announcement-expires"
          label="Stop showing at (optional)"
          type="datetime-local"
          value={expires}
          error={errors.expiresAt}
          hint={`Your time zone, ${reader.timeZone}. Empty: until you delete it.`}
          onChange={(e) => setExpires(e.target.value)}
        />
      </div>
      {errors.form ? (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {errors.form}
        </p>
      ) : null}
      <Button type="submit" disabled={create.isPending || body.trim() === ""}>
        Post announcement
      </Button>
    </form>
  );
}
