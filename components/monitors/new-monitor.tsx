"use client";

import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/client";
import { SubjectFormPage } from "@/components/subjects/subject-edit-shell";
import { NewSubjectPagesSlot, useNewSubjectPages } from "@/components/subjects/new-subject-pages";
import { MonitorForm, monitorDefaults, monitorFormKind } from "@/components/monitors/monitor-form";

export function NewMonitor() {
  const trpc = useTRPC();
  const create = useMutation(trpc.monitor.create.mutationOptions());
  const pages = useNewSubjectPages();
  return (
    <SubjectFormPage
      title="New monitor"
      description="Vigil checks the URL on your schedule and records every state change."
      kind={monitorFormKind}
      pathKey={trpc.monitor.pathKey()}
      save={async (values) =>
        (await create.mutateAsync({ ...values, statusPageIds: pages.statusPageIds() })).id
      }
    >
      {(form) => (
        <NewSubjectPagesSlot value={pages.slot}>
          <MonitorForm initial={monitorDefaults} submitLabel="Create monitor" {...form} />
        </NewSubjectPagesSlot>
      )}
    </SubjectFormPage>
  );
}
