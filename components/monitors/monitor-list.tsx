"use client";

import { useQuery } from "@tanstack/react-query";
import { Activity, Plus } from "lucide-react";
import Link from "next/link";
import { useTRPC } from "@/components/trpc/client";
import { ButtonLink } from "@/components/ui/button";
import { useNow } from "@/components/ui/use-now";
import { PageHeader } from "@/components/dashboard/page-header";
import { EmptyState } from "@/components/dashboard/empty-state";
import { StatusBadge } from "@/components/monitors/status-badge";
import { formatAgo, formatInterval, formatMs, formatUptime } from "@/components/monitors/format";

export function MonitorList() {
  const trpc = useTRPC();
  const { data, isLoading, error } = useQuery(trpc.monitor.list.queryOptions());
  const now = useNow(5000);
  const newButton = (
    <ButtonLink href="/dashboard/monitors/new">
      <Plus className="size-4" aria-hidden="true" /> New monitor
    </ButtonLink>
  );
  return (
    <>
      <PageHeader
        title="Monitors"
        description="HTTP(S) endpoints checked on a schedule."
        actions={newButton}
      />
      {error ? (
        <p role="alert" className="mt-8 text-sm text-red-600">
          Could not load monitors: {error.message}
        </p>
      ) : isLoading ? (
        <p className="mt-8 text-sm text-zinc-500">Loading monitors…</p>
      ) : !data?.length ? (
        <EmptyState icon={Activity} title="No monitors yet">
          Add an endpoint and Vigil checks it on your schedule, flips it to Down only after
          confirmed failures, and keeps its response times and uptime.
        </EmptyState>
      ) : (
        <div className="mt-8 overflow-x-auto rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
          <table className="w-full min-w-[720px] text-left text-sm" aria-label="Monitors">
            <thead className="border-b border-zinc-200 text-xs text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
              <tr>
                <th scope="col" className="px-4 py-3 font-medium">
                  Monitor
                </th>
                <th scope="col" className="px-4 py-3 font-medium">
                  Status
                </th>
                <th scope="col" className="px-4 py-3 text-right font-medium">
                  Response
                </th>
                <th scope="col" className="px-4 py-3 text-right font-medium">
                  24 h
                </th>
                <th scope="col" className="px-4 py-3 text-right font-medium">
                  30 days
                </th>
                <th scope="col" className="px-4 py-3 text-right font-medium">
                  Last check
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {data.map((m) => (
                <tr
                  key={m.id}
                  className="hover:bg-zinc-50 dark:hover:bg-zinc-800/40"
                  data-testid="monitor-row"
                >
                  <td className="max-w-xs px-4 py-3">
                    <Link
                      href={`/dashboard/monitors/${m.id}`}
                      className="font-medium hover:underline"
                    >
                      {m.name}
                    </Link>
                    <p className="truncate text-xs text-zinc-500 dark:text-zinc-400" title={m.url}>
                      {m.method} {m.url} · every {formatInterval(m.intervalSecs)}
                    </p>
                  </td>
                  <td className="px-4 py-3">
                    <StatusBadge status={m.status} />
                  </td>
                  <td className="px-4 py-3 text-right tabular-nums">
                    {formatMs(m.lastResponseMs)}
                  </td>
                  <td className="px-4 py-3 text-right tabular-nums">{formatUptime(m.uptime24h)}</td>
                  <td className="px-4 py-3 text-right tabular-nums">{formatUptime(m.uptime30d)}</td>
                  <td className="px-4 py-3 text-right text-zinc-500 tabular-nums dark:text-zinc-400">
                    {formatAgo(m.lastCheckedAt, now)}
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
