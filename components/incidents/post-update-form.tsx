"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField } from "@/components/ui/select-field";
import { statusWords } from "@/components/incidents/incident-words";
import { formErrorsFrom } from "@/server/domain/validation/validation-issues";
import {
  UPDATE_BODY_MAX,
  incidentStatuses,
  type IncidentStatus,
} from "@/server/domain/incidents/incident-rules";

/** "Post an update": a status and a plain-text message; the server's refusal shows by its field. */
export function PostUpdateForm({
  incidentId,
  current,
}: {
  incidentId: string;
  current: IncidentStatus;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const post = useMutation(trpc.incidents.postUpdate.mutationOptions());
  const [status, setStatus] = useState<IncidentStatus>(current);
  const [body, setBody] = useState("");
  const [errors, setErrors] = useState<Partial<Record<"status" | "body" | "form", string>>>({});
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await post.mutateAsync({ incidentId, status, body });
      setBody("");
      setErrors({});
      await queryClient.invalidateQueries({ queryKey: trpc.incidents.pathKey() });
    } catch (error) {
      setErrors(formErrorsFrom(error, ["status", "body"] as const, "Could not post the update"));
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} className="space-y-4" aria-label="Post an update">
      <SelectField
        id="update-status"
        label="Status"
        value={status}
        error={errors.status}
        onChange={(e) => setStatus(e.target.value as IncidentStatus)}
      >
        {incidentStatuses.map((s) => (
          <option key={s} value={s}>
            {statusWords[s]}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        id="update-body"
        label="Message"
        rows={5}
        value={body}
        maxLength={UPDATE_BODY_MAX}
        error={errors.body ?? errors.form}
        hint="Plain text; line breaks and links are kept."
        onChange={(e) => setBody(e.target.value)}
      />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <span className="text-xs text-zinc-500 tabular-nums dark:text-zinc-400" aria-live="polite">
          {body.length.toLocaleString()} / {UPDATE_BODY_MAX.toLocaleString()}
        </span>
        <Button type="submit" disabled={post.isPending || body.trim() === ""}>
          Post update
        </Button>
      </div>
    </form>
  );
}
