"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/components/trpc/client";
import { PageHeader } from "@/components/dashboard/page-header";
import { StatusPageForm } from "@/components/status-pages/status-page-form";
import { statusPageFieldErrors } from "@/components/status-pages/field-errors";

export function NewStatusPage() {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const create = useMutation(trpc.statusPage.create.mutationOptions());
  return (
    <>
      <Link
        href="/dashboard/status-pages"
        className="mb-3 inline-flex items-center gap-1 text-sm text-zinc-500 hover:text-zinc-900 dark:hover:text-white"
      >
        <ArrowLeft className="size-4" aria-hidden="true" /> Status pages
      </Link>
      <PageHeader
        title="New status page"
        description="Every monitor and heartbeat shows on it, new ones too; you can hide or order them next. It starts private."
      />
      <div className="mt-8 max-w-2xl rounded-xl border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900">
        <StatusPageForm
          initial={{ title: "", slug: "", description: "" }}
          isNew
          submitLabel="Create status page"
          onSubmit={async (values) => {
            try {
              const page = await create.mutateAsync(values);
              await queryClient.invalidateQueries({ queryKey: trpc.statusPage.pathKey() });
              router.push(`/dashboard/status-pages/${page.id}`);
            } catch (e) {
              return statusPageFieldErrors(e);
            }
          }}
        />
      </div>
    </>
  );
}
