"use client";

import { useQuery } from "@tanstack/react-query";
import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { useTRPC } from "@/components/trpc/client";
import { PageHeader } from "@/components/dashboard/page-header";
import { DateTime } from "@/components/ui/time-text";
import { PostUpdateForm } from "@/components/incidents/post-update-form";
import { PostmortemEditor } from "@/components/incidents/postmortem-editor";
import { UpdateItem } from "@/components/incidents/update-item";
import { statusWords } from "@/components/incidents/incident-words";

const box = "rounded-xl border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900";

/** One incident: its updates as a timeline (newest first), its postmortem, and the form to post the next update. */
export function IncidentDetail({ id }: { id: string }) {
  const trpc = useTRPC();
  const incident = useQuery(trpc.incidents.get.queryOptions({ incidentId: id }));
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
              <UpdateItem key={u.id} incidentId={i.id} update={u} />
            ))}
          </ol>
        </section>
        <section aria-labelledby="postmortem-heading" className={`${box} lg:col-start-1`}>
          <h2 id="postmortem-heading" className="mb-4 text-sm font-semibold">
            Postmortem
          </h2>
          <PostmortemEditor
            incidentId={i.id}
            isResolved={i.resolvedAt !== null}
            postmortem={i.postmortem}
          />
        </section>
        <section
          aria-labelledby="post-heading"
          className={`${box} self-start lg:col-start-2 lg:row-span-2 lg:row-start-1`}
        >
          <h2 id="post-heading" className="mb-4 text-sm font-semibold">
            Post an update
          </h2>
          <PostUpdateForm incidentId={i.id} current={i.status} />
        </section>
      </div>
    </>
  );
}
