import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { AlertFields, type AlertValues } from "@/components/alerts/alert-fields";
import { useNewSubjectPagesSlot } from "@/components/subjects/new-subject-pages";

/** The bordered block of fields at the top of a subject's form. */
export function FieldsSection({ children }: { children: ReactNode }) {
  return (
    <section className="grid gap-5 rounded-xl border border-zinc-200 bg-white p-5 sm:grid-cols-2 dark:border-zinc-800 dark:bg-zinc-900">
      {children}
    </section>
  );
}

/**
 * The end of every subject's form: who is alerted and when, on a create page the status pages it
 * will appear on, then the submit button.
 */
export function SubjectFormEnd({
  initial,
  downLabel,
  errors,
  pending,
  submitLabel,
}: {
  initial: AlertValues;
  downLabel: string;
  errors: { channelIds?: string; reminderHours?: string };
  pending: boolean;
  submitLabel: string;
}) {
  const pages = useNewSubjectPagesSlot();
  return (
    <>
      <AlertFields
        initial={initial}
        downLabel={downLabel}
        errors={{ channelIds: errors.channelIds, reminderHours: errors.reminderHours }}
      />
      {pages}
      <div className="flex justify-end gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : submitLabel}
        </Button>
      </div>
    </>
  );
}
