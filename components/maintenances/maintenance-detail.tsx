"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { useTRPC } from "@/components/trpc/client";
import { PageHeader } from "@/components/dashboard/page-header";
import { Card } from "@/components/ui/panel";
import { DateTime } from "@/components/ui/time-text";
import { PlainText } from "@/components/status-page/plain-text";
import { UpdateForm } from "@/components/incidents/post-update-form";
import { MaintenanceActions } from "@/components/maintenances/maintenance-actions";
import { MaintenanceBadge, WindowRange } from "@/components/maintenances/window-range";
import {
  maintenanceStatusWords,
  maintenanceUpdateChoices,
} from "@/components/maintenances/maintenance-words";
import { formatDuration } from "@/server/domain/format/duration";

const WINDOW_WORD = {
  in_progress: "Now",
  scheduled: "Next",
  completed: "Last",
  cancelled: "Planned",
} as const;

/** One maintenance: when it runs, what it covers, its updates (newest first) and what to do. */
export function MaintenanceDetail({ id }: { id: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const query = useQuery(trpc.maintenances.get.queryOptions({ maintenanceId: id }));
  const post = useMutation(trpc.maintenances.postUpdate.mutationOptions());
  const m = query.data;
  if (query.error) return <p role="alert">{query.error.message}</p>;
  if (!m) return <p className="text-sm text-zinc-500">Loading…</p>;
  const status = m.status === "cancelled" ? "completed" : m.status;
  return (
    <>
      <Link
        href="/dashboard/maintenances"
        className="mb-3 inline-flex min-h-11 items-center gap-1 text-sm text-zinc-500 hover:text-zinc-900 sm:min-h-0 dark:text-zinc-400 dark:hover:text-white"
      >
        <ArrowLeft className="size-4" aria-hidden="true" /> Maintenance
      </Link>
      <PageHeader
        title={m.title}
        description={`${maintenanceStatusWords[m.status]} · ${m.schedule ? "recurring" : "one-off window"} · affects ${m.subjects.length === 1 ? "1 subject" : `${m.subjects.length} subjects`}`}
      />
      <div className="mt-6 grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 space-y-6">
          <Card title="When">
            <dl className="space-y-2 text-sm">
              <div className="flex flex-wrap items-center gap-2">
                <dt className="sr-only">Status</dt>
                <dd>
                  <MaintenanceBadge status={m.status} />
                </dd>
                {m.window ? (
                  <dd data-testid="maintenance-window">
                    {WINDOW_WORD[m.status]}: <WindowRange window={m.window} />
                  </dd>
                ) : null}
              </div>
              {m.schedule ? (
                <div>
                  <dt className="inline text-zinc-500 dark:text-zinc-400">Repeats: </dt>
                  <dd className="inline wrap-anywhere">
                    <code className="font-mono">{m.schedule}</code> in {m.tz}, each window{" "}
                    {formatDuration((m.durationSecs ?? 0) * 1000)}
                  </dd>
                </div>
              ) : null}
            </dl>
          </Card>
          <Card title="Affected monitors and heartbeats">
            {m.subjects.length === 0 ? (
              <p className="text-sm text-zinc-500 dark:text-zinc-400">None.</p>
            ) : (
              <ul className="space-y-1 text-sm">
                {m.subjects.map((s) => (
                  <li key={s.id} className="wrap-anywhere">
                    <Link
                      href={`/dashboard/${s.kind === "monitor" ? "monitors" : "heartbeats"}/${s.id}`}
                      className="inline-flex min-h-11 items-center hover:underline sm:min-h-0"
                    >
                      {s.name}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card title="Message">
            {m.body ? (
              <PlainText text={m.body} className="text-sm" />
            ) : (
              <p className="text-sm text-zinc-500 dark:text-zinc-400">No message.</p>
            )}
          </Card>
          <Card title="Updates">
            <ol className="space-y-5">
              {m.updates.length === 0 ? (
                <li className="text-sm text-zinc-500 dark:text-zinc-400">No updates yet.</li>
              ) : null}
              {m.updates.map((u) => (
                <li
                  key={u.id}
                  data-testid="maintenance-update"
                  className="border-l-2 border-zinc-200 pl-3 dark:border-zinc-700"
                >
                  <p className="text-xs text-zinc-500 dark:text-zinc-400">
                    <strong className="font-semibold text-zinc-900 dark:text-zinc-100">
                      {(maintenanceUpdateChoices.words as Record<string, string>)[u.status] ??
                        u.status}
                    </strong>{" "}
                    · <DateTime at={u.createdAt} />
                    {u.editedAt ? " · edited" : null}
                  </p>
                  <PlainText text={u.body} className="mt-1 text-sm" />
                </li>
              ))}
            </ol>
          </Card>
        </div>
        <div className="min-w-0 space-y-6 self-start">
          <Card title="Actions">
            <MaintenanceActions m={m} />
          </Card>
          <Card title="Post an update">
            <UpdateForm
              key={status}
              current={status}
              choices={maintenanceUpdateChoices}
              pending={post.isPending}
              onPost={async (update) => {
                await post.mutateAsync({ maintenanceId: m.id, ...update });
                await queryClient.invalidateQueries({ queryKey: trpc.maintenances.pathKey() });
              }}
            />
          </Card>
        </div>
      </div>
    </>
  );
}
