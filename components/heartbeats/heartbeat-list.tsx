"use client";

import { useQuery } from "@tanstack/react-query";
import { HeartPulse, Plus } from "lucide-react";
import Link from "next/link";
import { useTRPC } from "@/components/trpc/client";
import { ButtonLink } from "@/components/ui/button";
import { useNow } from "@/components/ui/use-now";
import { PageHeader } from "@/components/dashboard/page-header";
import { EmptyState } from "@/components/dashboard/empty-state";
import { HeartbeatBadge } from "@/components/heartbeats/heartbeat-badge";
import { formatIn, scheduleText } from "@/components/heartbeats/schedule-text";
import { formatAgo, formatMs } from "@/components/monitors/format";

export function HeartbeatList() {
  const trpc = useTRPC();
  const { data, isLoading, error } = useQuery(trpc.heartbeat.list.queryOptions());
  const now = useNow(1000);
  const action = (
    <ButtonLink href="/dashboard/heartbeats/new">
      <Plus className="size-4" aria-hidden="true" /> New heartbeat
    </ButtonLink>
  );
  return (
    <>
      <PageHeader
        title="Heartbeats"
        description="Cron and background jobs that ping Vigil after every run."
        actions={action}
      />
      {error ? (
        <p role="alert" className="mt-8 text-sm text-red-600">
          Could not load heartbeats: {error.message}
        </p>
      ) : isLoading ? (
        <p className="mt-8 text-sm text-zinc-500">Loading heartbeats…</p>
      ) : !data?.length ? (
        <EmptyState icon={HeartPulse} title="No heartbeats yet">
          Give a job a secret ping URL. When the ping does not arrive by its deadline plus grace,
          Vigil marks the job missing — the run that never happened.
        </EmptyState>
      ) : (
        <div className="mt-8 overflow-x-auto rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
          <table className="w-full min-w-[720px] text-left text-sm" aria-label="Heartbeats">
            <thead className="border-b border-zinc-200 text-xs text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
              <tr>
                <th scope="col" className="px-4 py-3 font-medium">
                  Job
                </th>
                <th scope="col" className="px-4 py-3 font-medium">
                  Status
                </th>
                <th scope="col" className="px-4 py-3 text-right font-medium">
                  Last ping
                </th>
                <th scope="col" className="px-4 py-3 text-right font-medium">
                  Next expected
                </th>
                <th scope="col" className="px-4 py-3 text-right font-medium">
                  Last run
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {data.map((h) => (
                <tr
                  key={h.id}
                  className="hover:bg-zinc-50 dark:hover:bg-zinc-800/40"
                  data-testid="heartbeat-row"
                >
                  <td className="px-4 py-3">
                    <Link
                      href={`/dashboard/heartbeats/${h.id}`}
                      className="font-mono text-[13px] font-medium hover:underline"
                    >
                      {h.name}
                    </Link>
                    <p className="text-xs text-zinc-500 dark:text-zinc-400">
                      {scheduleText(h)} · grace {h.graceSecs}s
                    </p>
                  </td>
                  <td className="px-4 py-3">
                    <HeartbeatBadge status={h.status} />
                  </td>
                  <td className="px-4 py-3 text-right text-zinc-600 tabular-nums dark:text-zinc-300">
                    {formatAgo(h.lastPingedAt, now)}
                  </td>
                  <td className="px-4 py-3 text-right text-zinc-600 tabular-nums dark:text-zinc-300">
                    {h.status === "paused" || h.status === "new" ? "—" : formatIn(h.deadline, now)}
                  </td>
                  <td className="px-4 py-3 text-right tabular-nums">
                    {formatMs(h.lastDurationMs)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
