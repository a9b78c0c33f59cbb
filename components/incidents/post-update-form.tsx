"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { UpdateFields, type StatusChoices } from "@/components/incidents/update-fields";
import { asMessageError } from "@/components/incidents/incident-words";
import { formErrorsFrom } from "@/server/domain/validation/validation-issues";
import type { IncidentStatus } from "@/server/domain/incidents/incident-rules";

/** "Post an update": a status and a plain-text message; the server's refusal shows by its field. */
export function UpdateForm<S extends string>({
  current,
  choices,
  onPost,
  pending,
}: {
  current: S;
  choices?: StatusChoices<S>;
  onPost: (update: { status: S; body: string }) => Promise<unknown>;
  pending: boolean;
}) {
  const [status, setStatus] = useState<S>(current);
  const [body, setBody] = useState("");
  const [errors, setErrors] = useState<Partial<Record<"status" | "body" | "form", string>>>({});
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await onPost({ status, body });
      setBody("");
      setErrors({});
    } catch (error) {
      setErrors(formErrorsFrom(error, ["status", "body"] as const, "Could not post the update"));
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} className="space-y-4" aria-label="Post an update">
      <UpdateFields<S>
        idPrefix="update"
        status={status}
        body={body}
        errors={{ status: errors.status, body: asMessageError(errors.body ?? errors.form) }}
        onStatus={setStatus}
        onBody={setBody}
        choices={choices}
      />
      <div className="flex flex-wrap items-center justify-end gap-3">
        <Button type="submit" disabled={pending || body.trim() === ""}>
          Post update
        </Button>
      </div>
    </form>
  );
}

/** An incident's "Post an update". */
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
  return (
    <UpdateForm
      current={current}
      pending={post.isPending}
      onPost={async (update) => {
        await post.mutateAsync({ incidentId, ...update });
        await queryClient.invalidateQueries({ queryKey: trpc.incidents.pathKey() });
      }}
    />
  );
}
