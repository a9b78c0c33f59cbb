"use client";

import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/client";
import { NewSubjectPage } from "@/components/subjects/new-subject-page";
import {
  HeartbeatForm,
  heartbeatDefaults,
  heartbeatFormKind,
} from "@/components/heartbeats/heartbeat-form";

export function NewHeartbeat() {
  const trpc = useTRPC();
  const create = useMutation(trpc.heartbeat.create.mutationOptions());
  return (
    <NewSubjectPage
      description="A secret ping URL for a job; Vigil notices the run that never happened."
      kind={heartbeatFormKind}
      pathKey={trpc.heartbeat.pathKey()}
      create={create.mutateAsync}
    >
      {(form) => (
        <HeartbeatForm initial={heartbeatDefaults} submitLabel="Create heartbeat" {...form} />
      )}
    </NewSubjectPage>
  );
}
