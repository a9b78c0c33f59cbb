"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/client";
import { SubjectEditShell, SubjectFormPage } from "@/components/subjects/subject-edit-shell";
import { HeartbeatForm, heartbeatFormKind } from "@/components/heartbeats/heartbeat-form";

export function EditHeartbeat({ id }: { id: string }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.heartbeat.get.queryOptions({ id }));
  const update = useMutation(trpc.heartbeat.update.mutationOptions());
  return (
    <SubjectEditShell id={id} query={query}>
      {({ heartbeat }, channelIds) => (
        <SubjectFormPage
          title={`Edit ${heartbeat.name}`}
          description="A new schedule or grace applies at once."
          kind={heartbeatFormKind}
          pathKey={trpc.heartbeat.pathKey()}
          save={async (values) => (await update.mutateAsync({ id, changes: values })).id}
        >
          {(form) => (
            <HeartbeatForm
              initial={{ ...heartbeat, channelIds }}
              submitLabel="Save changes"
              {...form}
            />
          )}
        </SubjectFormPage>
      )}
    </SubjectEditShell>
  );
}
