"use client";

import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/client";
import { NewSubjectPage } from "@/components/subjects/new-subject-page";
import { MonitorForm, monitorDefaults, monitorFormKind } from "@/components/monitors/monitor-form";

export function NewMonitor() {
  const trpc = useTRPC();
  const create = useMutation(trpc.monitor.create.mutationOptions());
  return (
    <NewSubjectPage
      description="Vigil checks the URL on your schedule and records every state change."
      kind={monitorFormKind}
      pathKey={trpc.monitor.pathKey()}
      create={create.mutateAsync}
    >
      {(form) => <MonitorForm initial={monitorDefaults} submitLabel="Create monitor" {...form} />}
    </NewSubjectPage>
  );
}
