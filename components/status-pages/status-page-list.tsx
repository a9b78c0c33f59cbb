"use client";

import { useQuery } from "@tanstack/react-query";
import { Plus, Radio } from "lucide-react";
import Link from "next/link";
import { useTRPC } from "@/components/trpc/client";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/dashboard/page-header";
import { EmptyState } from "@/components/dashboard/empty-state";
import { VisibilityPill } from "@/components/status-pages/visibility-pill";
import { PageLinks } from "@/components/status-pages/page-links";

export function StatusPageList() {
  const trpc = useTRPC();
  const { data, isLoading, error } = useQuery(trpc.statusPage.list.queryOptions());
  const newButton = (
    <ButtonLink href="/dashboard/status-pages/new">
      <Plus className="size-4" aria-hidden="true" /> New status page
    </ButtonLink>
  );
  return (
    <>
      <PageHeader
        title="Status pages"
        description="Pages at /status/<slug> showing your services and scheduled jobs, live."
        actions={newButton}
      />
      {error ? (
        <p role="alert" className="mt-8 text-sm text-red-600">
          Could not load status pages: {error.message}
        </p>
      ) : isLoading ? (
        <p className="mt-8 text-sm text-zinc-500">Loading status pages…</p>
      ) : !data?.length ? (
        <EmptyState icon={Radio} title="No status page yet">
          A status page shows your monitors and heartbeats together, new ones included, live for
          every viewer. It stays private until you make it public.
        </EmptyState>
      ) : (
        <ul className="mt-8 space-y-3" aria-label="Status pages">
          {data.map((p) => (
            <li
              key={p.id}
              data-testid="status-page-row"
              className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 rounded-xl border border-zinc-200 bg-white px-4 py-3 dark:border-zinc-800 dark:bg-zinc-900"
            >
              <div className="min-w-0">
                <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                  <Link
                    href={`/dashboard/status-pages/${p.id}`}
                    className="min-w-0 font-medium wrap-anywhere hover:underline"
                  >
                    {p.title}
                  </Link>
                  <VisibilityPill visibility={p.visibility} />
                </div>
                <p className="mt-0.5 font-mono text-xs wrap-anywhere text-zinc-500 dark:text-zinc-400">
                  /status/{p.slug}
                </p>
              </div>
              <PageLinks url={p.url} title={p.title} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
