"use client";

import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/client";
import { SubjectFormPage } from "@/components/subjects/subject-edit-shell";
import { NewSubjectPagesSlot, useNewSubjectPages } from "@/components/subjects/new-subject-pages";
import {
  HeartbeatForm,
  heartbeatDefaults,
  heartbeatFormKind,
} from "@/components/heartbeats/heartbeat-form";

export function NewHeartbeat() {
  const trpc = useTRPC();
  const create = useMutation(trpc.heartbeat.create.mutationOptions());
  const pages = useNewSubjectPages();
  return (
    <SubjectFormPage
      title="New heartbeat"
      description="A secret ping URL for a job; Vigil notices the run that never happened."
      kind={heartbeatFormKind}
      pathKey={trpc.heartbeat.pathKey()}
      save={async (values) =>
        (await create.mutateAsync({ ...values, statusPageIds: pages.statusPageIds() })).id
      }
    >
      {(form) => (
        <NewSubjectPagesSlot value={pages.slot}>
          <HeartbeatForm initial={heartbeatDefaults} submitLabel="Create heartbeat" {...form} />
        </NewSubjectPagesSlot>
      )}
    </SubjectFormPage>
  );
}
