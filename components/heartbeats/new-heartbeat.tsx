"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { PageHeader } from "@/components/dashboard/page-header";
import {
  HeartbeatForm,
  heartbeatDefaults,
  type HeartbeatFieldErrors,
} from "@/components/heartbeats/heartbeat-form";
import { heartbeatFieldErrors } from "@/components/heartbeats/field-errors";

export function NewHeartbeat() {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const create = useMutation(trpc.heartbeat.create.mutationOptions());
  const [errors, setErrors] = useState<HeartbeatFieldErrors>({});
  return (
    <>
      <PageHeader
        title="New heartbeat"
        description="A secret ping URL for a job; Vigil notices the run that never happened."
      />
      <HeartbeatForm
        initial={heartbeatDefaults}
        submitLabel="Create heartbeat"
        serverErrors={errors}
        onSubmit={async (values) => {
          setErrors({});
          try {
            const hb = await create.mutateAsync(values);
            await queryClient.invalidateQueries({ queryKey: trpc.heartbeat.pathKey() });
            router.push(`/dashboard/heartbeats/${hb.id}`);
          } catch (e) {
            setErrors(heartbeatFieldErrors(e));
          }
        }}
      />
    </>
  );
}
