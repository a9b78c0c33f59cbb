"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc/client";
import { PageHeader } from "@/components/dashboard/page-header";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { UpdateFields } from "@/components/incidents/update-fields";
import { asMessageError } from "@/components/incidents/incident-words";
import { formErrorsFrom } from "@/server/domain/validation/validation-issues";
import {
  subjectImpacts,
  type IncidentStatus,
  type SubjectImpact,
} from "@/server/domain/incidents/incident-rules";

const impactWords: Record<SubjectImpact, string> = {
  degraded_performance: "Degraded performance",
  partial_outage: "Partial outage",
  major_outage: "Major outage",
};
type Kind = "monitor" | "heartbeat";
const FIELDS = ["title", "status", "body", "subjects"] as const;

/** "Declare an incident": title, status, message, and what it affects with an impact each. */
export function DeclareIncident() {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const monitors = useQuery(trpc.monitor.list.queryOptions());
  const heartbeats = useQuery(trpc.heartbeat.list.queryOptions());
  const create = useMutation(trpc.incidents.create.mutationOptions());
  const [title, setTitle] = useState("");
  const [status, setStatus] = useState<IncidentStatus>("investigating");
  const [body, setBody] = useState("");
  const [impacts, setImpacts] = useState<
    Record<string, { kind: Kind; impact: SubjectImpact | "" }>
  >({});
  const [errors, setErrors] = useState<Partial<Record<(typeof FIELDS)[number] | "form", string>>>(
    {},
  );
  const subjects = [
    ...(monitors.data ?? []).map((m) => ({ kind: "monitor" as const, id: m.id, name: m.name })),
    ...(heartbeats.data ?? []).map((h) => ({ kind: "heartbeat" as const, id: h.id, name: h.name })),
  ];
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const chosen = Object.entries(impacts).flatMap(([id, v]) =>
      v.impact ? [{ id, kind: v.kind, impact: v.impact }] : [],
    );
    try {
      const created = await create.mutateAsync({ title, status, body, subjects: chosen });
      await queryClient.invalidateQueries({ queryKey: trpc.incidents.pathKey() });
      router.push(`/dashboard/incidents/${created.id}`);
    } catch (error) {
      setErrors(formErrorsFrom(error, FIELDS, "Could not declare the incident"));
    }
  };
  return (
    <>
      <PageHeader
        title="Declare an incident"
        description="Tell visitors of your status pages what is going on; the subjects you pick show the impact you give them."
      />
      <form
        onSubmit={(e) => void submit(e)}
        className="mt-8 max-w-2xl space-y-5 rounded-xl border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900"
      >
        <Field
          id="incident-title"
          label="Title"
          value={title}
          error={errors.title}
          onChange={(e) => setTitle(e.target.value)}
        />
        <UpdateFields
          idPrefix="incident"
          status={status}
          body={body}
          errors={{ status: errors.status, body: asMessageError(errors.body) }}
          onStatus={setStatus}
          onBody={setBody}
        />
        <fieldset className="min-w-0 space-y-2">
          <legend className="text-sm font-medium">Affected monitors and heartbeats</legend>
          {subjects.map((s) => (
            <SelectField
              key={s.id}
              id={`impact-${s.id}`}
              label={s.name}
              value={impacts[s.id]?.impact ?? ""}
              onChange={(e) =>
                setImpacts((all) => ({
                  ...all,
                  [s.id]: { kind: s.kind, impact: e.target.value as SubjectImpact | "" },
                }))
              }
            >
              <option value="">Not affected</option>
              {subjectImpacts.map((i) => (
                <option key={i} value={i}>
                  {impactWords[i]}
                </option>
              ))}
            </SelectField>
          ))}
          {(errors.subjects ?? errors.form) ? (
            <p className="text-sm text-red-600 dark:text-red-400">
              {errors.subjects ?? errors.form}
            </p>
          ) : null}
        </fieldset>
        <Button type="submit" disabled={create.isPending}>
          Declare incident
        </Button>
      </form>
    </>
  );
}
