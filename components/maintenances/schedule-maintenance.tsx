"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc/client";
import { PageHeader } from "@/components/dashboard/page-header";
import { Button } from "@/components/ui/button";
import { Field, FormAlert } from "@/components/ui/field";
import { TextAreaField } from "@/components/ui/select-field";
import { useReader } from "@/components/ui/use-reader";
import { SubjectPicker, type SubjectChoice } from "@/components/maintenances/subject-picker";
import {
  TimingFields,
  defaultTiming,
  timingInput,
  type TimingState,
} from "@/components/maintenances/timing-fields";
import { WindowPreview, useWindowPreview } from "@/components/maintenances/window-preview";
import { formErrorsFrom } from "@/server/domain/validation/validation-issues";

const TIMING = ["startsAt", "endsAt", "schedule", "durationSecs", "tz"] as const;
const FIELDS = ["title", "body", "subjects", ...TIMING] as const;
type Errors = Partial<Record<(typeof FIELDS)[number] | "form", string>>;

/** "Schedule maintenance": what, which subjects, and a one-off or recurring window, previewed live. */
export function ScheduleMaintenance() {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const reader = useReader();
  const create = useMutation(trpc.maintenances.create.mutationOptions());
  const [title, setTitle] = useState("");
  const [body, setBody] = useState("");
  const [subjects, setSubjects] = useState<SubjectChoice[]>([]);
  const [timing, setTiming] = useState<TimingState | null>(null);
  // The refusal of the last save, shown while the form still holds what was refused.
  const [refused, setRefused] = useState<{ sent: string; errors: Errors } | null>(null);
  // "Now" is the browser's: the server render leaves the times empty.
  useEffect(() => setTiming((t) => t ?? defaultTiming(new Date())), []);
  const current = timing ?? defaultTiming(new Date(0));
  const input = { title, body, subjects, ...timingInput(current, reader.timeZone) };
  const preview = useWindowPreview(timingInput(current, reader.timeZone));
  const errors: Errors = {
    ...(preview.error ? formErrorsFrom(preview.error, TIMING, "") : {}),
    ...(refused?.sent === JSON.stringify(input) ? refused.errors : {}),
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const created = await create.mutateAsync(input);
      await queryClient.invalidateQueries({ queryKey: trpc.maintenances.pathKey() });
      router.push(`/dashboard/maintenances/${created.id}`);
    } catch (error) {
      const found = formErrorsFrom(error, FIELDS, "Could not schedule the maintenance");
      setRefused({ sent: JSON.stringify(input), errors: found });
    }
  };
  return (
    <>
      <PageHeader
        title="Schedule maintenance"
        description="While a window runs, the subjects you pick show “Under maintenance” on your status pages and send no alerts; checks go on."
      />
      <form
        onSubmit={(e) => void submit(e)}
        noValidate
        className="mt-8 max-w-2xl space-y-5 rounded-xl border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900"
      >
        {errors.form ? <FormAlert>{errors.form}</FormAlert> : null}
        <Field
          id="maintenance-title"
          label="Title"
          value={title}
          placeholder="Database upgrade"
          error={errors.title}
          onChange={(e) => setTitle(e.target.value)}
        />
        <TextAreaField
          id="maintenance-body"
          label="Message"
          rows={4}
          value={body}
          error={errors.body}
          hint="What visitors of your status pages read; plain text, line breaks and links kept."
          onChange={(e) => setBody(e.target.value)}
        />
        <SubjectPicker chosen={subjects} onChange={setSubjects} error={errors.subjects} />
        <TimingFields value={current} errors={errors} onChange={setTiming} />
        <WindowPreview preview={preview} />
        <Button type="submit" disabled={create.isPending || timing === null}>
          Schedule maintenance
        </Button>
      </form>
    </>
  );
}
