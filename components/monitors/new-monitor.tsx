"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { PageHeader } from "@/components/dashboard/page-header";
import { MonitorForm, monitorDefaults, type FieldErrors } from "@/components/monitors/monitor-form";
import { fieldErrorsFrom } from "@/components/monitors/trpc-field-errors";

export function NewMonitor() {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const create = useMutation(trpc.monitor.create.mutationOptions());
  const [errors, setErrors] = useState<FieldErrors>({});
  return (
    <>
      <PageHeader
        title="New monitor"
        description="Vigil checks the URL on your schedule and records every state change."
      />
      <MonitorForm
        initial={monitorDefaults}
        submitLabel="Create monitor"
        serverErrors={errors}
        onSubmit={async (values) => {
          setErrors({});
          try {
            const monitor = await create.mutateAsync(values);
            await queryClient.invalidateQueries({ queryKey: trpc.monitor.pathKey() });
            router.push(`/dashboard/monitors/${monitor.id}`);
          } catch (e) {
            setErrors(fieldErrorsFrom(e));
          }
        }}
      />
    </>
  );
}
