"use client";

import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/client";
import { SubjectFormPage } from "@/components/subjects/subject-edit-shell";
import { MonitorForm, monitorDefaults, monitorFormKind } from "@/components/monitors/monitor-form";

export function NewMonitor() {
  const trpc = useTRPC();
  const create = useMutation(trpc.monitor.create.mutationOptions());
  return (
    <SubjectFormPage
      title="New monitor"
      description="Vigil checks the URL on your schedule and records every state change."
      kind={monitorFormKind}
      pathKey={trpc.monitor.pathKey()}
      save={async (values) => (await create.mutateAsync(values)).id}
    >
      {(form) => <MonitorForm initial={monitorDefaults} submitLabel="Create monitor" {...form} />}
    </SubjectFormPage>
  );
}
