"use client";

import { useQuery } from "@tanstack/react-query";
import { BellRing, KeyRound } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { useNow } from "@/components/ui/use-now";
import { Card } from "@/components/ui/panel";
import { PageHeader } from "@/components/dashboard/page-header";
import { EmptyState } from "@/components/dashboard/empty-state";
import { formatAgo } from "@/components/monitors/format";
import { ChannelForm } from "@/components/alerts/channel-form";
import { ChannelStatus } from "@/components/alerts/channel-status";
import { AlertLog } from "@/components/alerts/alert-log";
import { KIND_LABELS, targetOf } from "@/components/alerts/kinds";

/** The Alerts page: the workspace's channels, a form to add one, and everything sent lately. */
export function ChannelList() {
  const trpc = useTRPC();
  const now = useNow(5000);
  const { data, error, isLoading } = useQuery(trpc.alerts.channels.queryOptions());
  const [created, setCreated] = useState<{ id: string; secret: string | null } | null>(null);

  return (
    <div className="space-y-8">
      <PageHeader
        title="Alerts"
        description="Where Vigil tells your team that something went down or came back, once per change."
      />
      {created?.secret ? (
        <div
          role="status"
          className="rounded-xl border border-amber-300 bg-amber-50 p-4 text-sm dark:border-amber-900/60 dark:bg-amber-950/40"
        >
          <p className="flex items-center gap-2 font-medium">
            <KeyRound className="size-4" aria-hidden="true" /> Signing secret — copy it now, it is
            not shown again
          </p>
          <code
            className="mt-2 block font-mono text-xs break-all select-all"
            data-testid="channel-secret"
          >
            {created.secret}
          </code>
          <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">
            Check X-Vigil-Signature-256 (sha256=HMAC of the raw body) with it.{" "}
            <Link href={`/dashboard/alerts/${created.id}`} className="underline">
              Open the channel
            </Link>
          </p>
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="text-sm text-red-600">
          Could not load channels: {error.message}
        </p>
      ) : isLoading ? (
        <p className="text-sm text-zinc-500">Loading channels…</p>
      ) : !data?.length ? (
        <EmptyState icon={BellRing} title="No channels yet">
          Add a webhook, Slack, Discord, ntfy or email channel below. Monitors and heartbeats alert
          the channels you mark as default.
        </EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
          <table className="w-full text-left text-sm" aria-label="Channels">
            <thead className="border-b border-zinc-200 text-xs text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
              <tr>
                <th scope="col" className="px-4 py-3 font-medium">
                  Channel
                </th>
                <th scope="col" className="px-4 py-3 font-medium">
                  Status
                </th>
                <th scope="col" className="hidden px-4 py-3 font-medium sm:table-cell">
                  Default
                </th>
                <th scope="col" className="hidden px-4 py-3 text-right font-medium sm:table-cell">
                  Last delivered
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {data.map((c) => (
                <tr
                  key={c.id}
                  className="hover:bg-zinc-50 dark:hover:bg-zinc-800/40"
                  data-testid="channel-row"
                >
                  <td className="max-w-[12rem] px-4 py-3 sm:max-w-xs">
                    <Link
                      href={`/dashboard/alerts/${c.id}`}
                      className="font-medium hover:underline"
                    >
                      {c.name}
                    </Link>
                    <p
                      className="truncate text-xs text-zinc-500 dark:text-zinc-400"
                      title={targetOf(c)}
                    >
                      {KIND_LABELS[c.kind]} · {targetOf(c)}
                    </p>
                  </td>
                  <td className="px-4 py-3">
                    <ChannelStatus
                      enabled={c.enabled}
                      failing={c.failing}
                      unconfirmed={c.unconfirmed}
                    />
                  </td>
                  <td className="hidden px-4 py-3 text-zinc-600 sm:table-cell dark:text-zinc-400">
                    {c.isDefault ? "Yes" : "No"}
                  </td>
                  <td className="hidden px-4 py-3 text-right text-zinc-500 tabular-nums sm:table-cell dark:text-zinc-400">
                    {formatAgo(c.lastDeliveredAt, now)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Card title="Add a channel">
        <ChannelForm onCreated={(id, secret) => setCreated({ id, secret })} />
      </Card>
      {data?.length ? (
        <Card title="Recently sent">
          <AlertLog showChannel />
        </Card>
      ) : null}
    </div>
  );
}
