"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { PageHeader } from "@/components/dashboard/page-header";
import { MonitorForm, type FieldErrors } from "@/components/monitors/monitor-form";
import { fieldErrorsFrom } from "@/components/monitors/trpc-field-errors";

export function EditMonitor({ id }: { id: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { data, error } = useQuery(trpc.monitor.get.queryOptions({ id }));
  const { data: channelIds } = useQuery(
    trpc.alerts.subjectChannelIds.queryOptions({ subjectId: id }),
  );
  const update = useMutation(trpc.monitor.update.mutationOptions());
  const [errors, setErrors] = useState<FieldErrors>({});
  if (error)
    return (
      <p role="alert" className="text-sm text-red-600">
        {error.message}
      </p>
    );
  if (!data || !channelIds) return <p className="text-sm text-zinc-500">Loading…</p>;
  const m = data.monitor;
  return (
    <>
      <PageHeader title={`Edit ${m.name}`} description="Changes apply from the next check." />
      <MonitorForm
        initial={{ ...m, channelIds }}
        submitLabel="Save changes"
        serverErrors={errors}
        onSubmit={async (values) => {
          setErrors({});
          try {
            await update.mutateAsync({ id, changes: values });
            await queryClient.invalidateQueries({ queryKey: trpc.monitor.pathKey() });
            router.push(`/dashboard/monitors/${id}`);
          } catch (e) {
            setErrors(fieldErrorsFrom(e));
          }
        }}
      />
    </>
  );
}
