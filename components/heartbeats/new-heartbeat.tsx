"use client";

import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/client";
import { SubjectFormPage } from "@/components/subjects/subject-edit-shell";
import {
  HeartbeatForm,
  heartbeatDefaults,
  heartbeatFormKind,
} from "@/components/heartbeats/heartbeat-form";

export function NewHeartbeat() {
  const trpc = useTRPC();
  const create = useMutation(trpc.heartbeat.create.mutationOptions());
  return (
    <SubjectFormPage
      title="New heartbeat"
      description="A secret ping URL for a job; Vigil notices the run that never happened."
      kind={heartbeatFormKind}
      pathKey={trpc.heartbeat.pathKey()}
      save={async (values) => (await create.mutateAsync(values)).id}
    >
      {(form) => (
        <HeartbeatForm initial={heartbeatDefaults} submitLabel="Create heartbeat" {...form} />
      )}
    </SubjectFormPage>
  );
}
