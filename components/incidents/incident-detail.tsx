"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { useTRPC } from "@/components/trpc/client";
import { PageHeader } from "@/components/dashboard/page-header";
import { Button } from "@/components/ui/button";
import { DateTime } from "@/components/ui/time-text";
import { PlainText } from "@/components/status-page/plain-text";
import { PostUpdateForm } from "@/components/incidents/post-update-form";
import { statusWords } from "@/components/incidents/incident-words";

const box = "rounded-xl border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900";

/** One incident: its updates as a timeline (newest first) and the form to post the next one. */
export function IncidentDetail({ id }: { id: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const incident = useQuery(trpc.incidents.get.queryOptions({ incidentId: id }));
  const remove = useMutation(trpc.incidents.deleteUpdate.mutationOptions());
  const i = incident.data;
  if (incident.error) return <p role="alert">{incident.error.message}</p>;
  if (!i) return <p className="text-sm text-zinc-500">Loading…</p>;
  return (
    <>
      <Link
        href="/dashboard/incidents"
        className="mb-3 inline-flex items-center gap-1 text-sm text-zinc-500 hover:text-zinc-900 dark:hover:text-white"
      >
        <ArrowLeft className="size-4" aria-hidden="true" /> Incidents
      </Link>
      <PageHeader
        title={i.title}
        description={`${statusWords[i.status]} · ${i.automatic ? "found by the checks" : "declared by a person"}${
          i.subjects.length ? ` · affects ${i.subjects.map((s) => s.name).join(", ")}` : ""
        }`}
      />
      <p className="mt-2 text-xs text-zinc-500 dark:text-zinc-400">
        Started <DateTime at={i.startedAt} />
        {i.resolvedAt ? (
          <>
            {" "}
            · resolved <DateTime at={i.resolvedAt} />
          </>
        ) : null}
      </p>
      <div className="mt-6 grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <section aria-labelledby="timeline-heading" className={box}>
          <h2 id="timeline-heading" className="text-sm font-semibold">
            Updates
          </h2>
          {i.cause ? (
            <p className="mt-2 text-sm text-zinc-600 wrap-anywhere dark:text-zinc-400">{i.cause}</p>
          ) : null}
          <ol className="mt-4 space-y-5">
            {i.updates.length === 0 ? (
              <li className="text-sm text-zinc-500">No updates yet.</li>
            ) : null}
            {i.updates.map((u) => (
              <li
                key={u.id}
                data-testid="dashboard-update"
                className="border-l-2 border-zinc-200 pl-3 dark:border-zinc-700"
              >
                <div className="flex flex-wrap items-baseline justify-between gap-2 text-xs text-zinc-500 dark:text-zinc-400">
                  <span>
                    <strong className="font-semibold text-zinc-900 dark:text-zinc-100">
                      {statusWords[u.status]}
                    </strong>{" "}
                    · <DateTime at={u.createdAt} />
                    {u.editedAt ? " · edited" : null}
                  </span>
                  <Button
                    variant="ghost"
                    className="px-2 py-1 text-xs"
                    aria-label="Delete this update"
                    onClick={() =>
                      void remove
                        .mutateAsync({ incidentId: i.id, updateId: u.id })
                        .then(() =>
                          queryClient.invalidateQueries({ queryKey: trpc.incidents.pathKey() }),
                        )
                    }
                  >
                    Delete
                  </Button>
                </div>
                <PlainText text={u.body} className="mt-1 text-sm" />
              </li>
            ))}
          </ol>
        </section>
        <section aria-labelledby="post-heading" className={`${box} self-start`}>
          <h2 id="post-heading" className="mb-4 text-sm font-semibold">
            Post an update
          </h2>
          <PostUpdateForm incidentId={i.id} current={i.status} />
        </section>
      </div>
    </>
  );
}
