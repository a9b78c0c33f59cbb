"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { PageHeader } from "@/components/dashboard/page-header";
import { HeartbeatForm, type HeartbeatFieldErrors } from "@/components/heartbeats/heartbeat-form";
import { heartbeatFieldErrors } from "@/components/heartbeats/field-errors";

export function EditHeartbeat({ id }: { id: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { data, error } = useQuery(trpc.heartbeat.get.queryOptions({ id }));
  const { data: channelIds } = useQuery(
    trpc.alerts.subjectChannelIds.queryOptions({ subjectId: id }),
  );
  const update = useMutation(trpc.heartbeat.update.mutationOptions());
  const [errors, setErrors] = useState<HeartbeatFieldErrors>({});
  if (error)
    return (
      <p role="alert" className="text-sm text-red-600">
        {error.message}
      </p>
    );
  if (!data || !channelIds) return <p className="text-sm text-zinc-500">Loading…</p>;
  return (
    <>
      <PageHeader
        title={`Edit ${data.heartbeat.name}`}
        description="A new schedule or grace applies at once."
      />
      <HeartbeatForm
        initial={{ ...data.heartbeat, channelIds }}
        submitLabel="Save changes"
        serverErrors={errors}
        onSubmit={async (values) => {
          setErrors({});
          try {
            await update.mutateAsync({ id, changes: values });
            await queryClient.invalidateQueries({ queryKey: trpc.heartbeat.pathKey() });
            router.push(`/dashboard/heartbeats/${id}`);
          } catch (e) {
            setErrors(heartbeatFieldErrors(e));
          }
        }}
      />
    </>
  );
}
