"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/select-field";
import { DateTime } from "@/components/ui/time-text";
import { PlainText } from "@/components/status-page/plain-text";
import { asMessageError, statusWords } from "@/components/incidents/incident-words";
import { formErrorsFrom } from "@/server/domain/validation/validation-issues";
import { UPDATE_BODY_MAX, type IncidentStatus } from "@/server/domain/incidents/incident-rules";

type Update = {
  id: string;
  status: IncidentStatus;
  body: string;
  createdAt: Date | string;
  editedAt: Date | string | null;
};

/** One update in the timeline: its text, then Edit (in place) and Delete (after asking). */
export function UpdateItem({ incidentId, update }: { incidentId: string; update: Update }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const edit = useMutation(trpc.incidents.editUpdate.mutationOptions());
  const remove = useMutation(trpc.incidents.deleteUpdate.mutationOptions());
  const [draft, setDraft] = useState<string | null>(null);
  const [errors, setErrors] = useState<Partial<Record<"body" | "form", string>>>({});
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.incidents.pathKey() });
  const ref = { incidentId, updateId: update.id };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (draft === null) return;
    try {
      await edit.mutateAsync({ ...ref, body: draft });
      setDraft(null);
      setErrors({});
      await refresh();
    } catch (error) {
      setErrors(formErrorsFrom(error, ["body"] as const, "Could not save the update"));
    }
  };
  const drop = async () => {
    if (!window.confirm("Delete this update? It goes from your status pages at once.")) return;
    try {
      await remove.mutateAsync(ref);
      await refresh();
    } catch (error) {
      setErrors(formErrorsFrom(error, [] as const, "Could not delete the update"));
    }
  };
  const error = asMessageError(errors.body ?? errors.form);

  return (
    <li
      data-testid="dashboard-update"
      className="min-w-0 border-l-2 border-zinc-200 pl-3 dark:border-zinc-700"
    >
      <div className="flex flex-wrap items-center justify-between gap-x-2 text-xs text-zinc-500 dark:text-zinc-400">
        <p className="min-w-0">
          <strong className="font-semibold text-zinc-900 dark:text-zinc-100">
            {statusWords[update.status]}
          </strong>{" "}
          <span className="whitespace-nowrap">
            · <DateTime at={update.createdAt} />
          </span>
          {update.editedAt ? (
            <>
              {" "}
              <span className="whitespace-nowrap" data-testid="edited">
                · edited <DateTime at={update.editedAt} />
              </span>
            </>
          ) : null}
        </p>
        {draft === null ? (
          <span className="ml-auto flex gap-1">
            <Button
              variant="ghost"
              className="min-h-11 px-3 py-1 text-xs"
              onClick={() => {
                setDraft(update.body);
                setErrors({});
              }}
            >
              Edit
            </Button>
            <Button
              variant="ghost"
              className="min-h-11 px-3 py-1 text-xs text-red-700 dark:text-red-400"
              disabled={remove.isPending}
              onClick={() => void drop()}
            >
              Delete
            </Button>
          </span>
        ) : null}
      </div>
      {draft === null ? (
        <>
          <PlainText text={update.body} className="mt-1 text-sm" />
          {error ? (
            <p role="alert" className="mt-1 text-sm text-red-600 dark:text-red-400">
              {error}
            </p>
          ) : null}
        </>
      ) : (
        <form
          onSubmit={(e) => void save(e)}
          className="mt-2 space-y-3"
          aria-label="Edit this update"
        >
          <TextAreaField
            id={`edit-${update.id}`}
            label="Message"
            rows={5}
            value={draft}
            error={error}
            hint={`${draft.length.toLocaleString("en-US")} / ${UPDATE_BODY_MAX.toLocaleString("en-US")} characters; the page marks the update edited.`}
            onChange={(e) => setDraft(e.target.value)}
          />
          <div className="flex flex-wrap justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => setDraft(null)}>
              Cancel
            </Button>
            <Button type="submit" disabled={edit.isPending}>
              Save
            </Button>
          </div>
        </form>
      )}
    </li>
  );
}
