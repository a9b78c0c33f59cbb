"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/client";
import { SubjectEditShell, SubjectFormPage } from "@/components/subjects/subject-edit-shell";
import { MonitorForm, monitorFormKind } from "@/components/monitors/monitor-form";
import { conditionsToAssertions } from "@/server/domain/monitors/assertions";

export function EditMonitor({ id }: { id: string }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.monitor.get.queryOptions({ id }));
  const update = useMutation(trpc.monitor.update.mutationOptions());
  return (
    <SubjectEditShell id={id} query={query}>
      {({ monitor: m }, channelIds) => (
        <SubjectFormPage
          title={`Edit ${m.name}`}
          description="Changes apply from the next check."
          kind={monitorFormKind}
          pathKey={trpc.monitor.pathKey()}
          save={async (values) => (await update.mutateAsync({ id, changes: values })).id}
        >
          {(form) => (
            <MonitorForm
              initial={{ ...m, assertions: conditionsToAssertions(m.conditions), channelIds }}
              submitLabel="Save changes"
              {...form}
            />
          )}
        </SubjectFormPage>
      )}
    </SubjectEditShell>
  );
}
