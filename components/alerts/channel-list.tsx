"use client";

import { useQuery } from "@tanstack/react-query";
import { BellRing, KeyRound } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { useNow } from "@/components/ui/use-now";
import { Card } from "@/components/ui/panel";
import { DataTable, ListStates, NameCell } from "@/components/ui/data-table";
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
  const query = useQuery(trpc.alerts.channels.queryOptions());
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
      <ListStates
        noun="channels"
        query={query}
        empty={
          <EmptyState icon={BellRing} title="No channels yet">
            Add a webhook, Slack, Discord, ntfy or email channel below. Monitors and heartbeats
            alert the channels you mark as default.
          </EmptyState>
        }
      >
        {(rows) => (
          <DataTable
            label="Channels"
            rows={rows}
            rowTestId="channel-row"
            columns={[
              {
                header: "Channel",
                cellClassName: "max-w-[12rem] sm:max-w-xs",
                cell: (c) => (
                  <NameCell
                    href={`/dashboard/alerts/${c.id}`}
                    name={c.name}
                    detail={`${KIND_LABELS[c.kind]} · ${targetOf(c)}`}
                    detailTitle={targetOf(c)}
                  />
                ),
              },
              {
                header: "Status",
                cell: (c) => (
                  <ChannelStatus
                    enabled={c.enabled}
                    failing={c.failing}
                    unconfirmed={c.unconfirmed}
                  />
                ),
              },
              {
                header: "Default",
                className: "hidden sm:table-cell",
                cellClassName: "text-zinc-600 dark:text-zinc-400",
                cell: (c) => (c.isDefault ? "Yes" : "No"),
              },
              {
                header: "Last delivered",
                className: "hidden text-right sm:table-cell",
                cellClassName: "text-zinc-500 tabular-nums dark:text-zinc-400",
                cell: (c) => formatAgo(c.lastDeliveredAt, now),
              },
            ]}
          />
        )}
      </ListStates>
      <Card title="Add a channel">
        <ChannelForm onCreated={(id, secret) => setCreated({ id, secret })} />
      </Card>
      {query.data?.length ? (
        <Card title="Recently sent">
          <AlertLog showChannel />
        </Card>
      ) : null}
    </div>
  );
}
