"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ArrowLeft, Pencil, Send, Trash2 } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/panel";
import { ChannelStatus } from "@/components/alerts/channel-status";
import { AlertLog } from "@/components/alerts/alert-log";
import { ChannelEditForm } from "@/components/alerts/channel-edit-form";
import { ChannelRecipients } from "@/components/alerts/channel-recipients";
import { KIND_LABELS, targetOf } from "@/components/alerts/kinds";

/** One channel: test it, edit it, switch it on or off or default, see what it was sent. */
export function ChannelDetail({ id }: { id: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.alerts.pathKey() });
  const { data: c, error } = useQuery(trpc.alerts.channel.queryOptions({ id }));
  const test = useMutation(trpc.alerts.sendTest.mutationOptions({ onSettled: refresh }));
  const update = useMutation(trpc.alerts.updateChannel.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.alerts.deleteChannel.mutationOptions());
  const [editing, setEditing] = useState(false);

  if (error)
    return (
      <p role="alert" className="text-sm text-red-600">
        {error.message}
      </p>
    );
  if (!c) return <p className="text-sm text-zinc-500">Loading…</p>;
  const result = test.data;

  return (
    <div className="space-y-6">
      <Link
        href="/dashboard/alerts"
        className="inline-flex items-center gap-1 text-sm text-zinc-500 hover:text-zinc-900 dark:hover:text-white"
      >
        <ArrowLeft className="size-4" aria-hidden="true" /> Alerts
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <h1 className="min-w-0 text-2xl font-semibold tracking-tight wrap-anywhere">
              {c.name}
            </h1>
            <ChannelStatus enabled={c.enabled} failing={c.failing} unconfirmed={c.unconfirmed} />
          </div>
          <p className="mt-1 text-sm wrap-anywhere text-zinc-500 dark:text-zinc-400">
            {KIND_LABELS[c.kind]} · {targetOf(c)}
            {c.hasSecret ? " · signed" : ""}
            {c.headerNames.length ? ` · headers: ${c.headerNames.join(", ")}` : ""}
          </p>
          {c.failing && c.lastError ? (
            <p className="mt-2 text-sm wrap-anywhere text-red-700 dark:text-red-400">
              {c.consecutiveFailures} failed attempts in a row. Last error: {c.lastError}
            </p>
          ) : null}
        </div>
        <div className="flex flex-wrap gap-2">
          <Button onClick={() => test.mutate({ id })} disabled={test.isPending}>
            <Send className="size-4" aria-hidden="true" />
            {test.isPending ? (
              "Sending…"
            ) : (
              <>
                <span className="sm:hidden">Send test</span>
                <span className="hidden sm:inline">Send test notification</span>
              </>
            )}
          </Button>
          <Button
            id="edit-channel"
            variant="secondary"
            aria-expanded={editing}
            onClick={() => setEditing(true)}
          >
            <Pencil className="size-4" aria-hidden="true" />
            Edit
          </Button>
          <Button
            variant="secondary"
            disabled={update.isPending}
            onClick={() => update.mutate({ id, changes: { enabled: !c.enabled } })}
          >
            {c.enabled ? "Disable" : "Enable"}
          </Button>
          <Button
            variant="ghost"
            aria-label="Delete channel"
            onClick={() =>
              void (async () => {
                if (!window.confirm(`Delete ${c.name} and its delivery log?`)) return;
                await remove.mutateAsync({ id });
                await refresh();
                router.push("/dashboard/alerts");
              })()
            }
          >
            <Trash2 className="size-4" aria-hidden="true" />
          </Button>
        </div>
      </div>
      {editing ? (
        <Card title="Edit channel">
          <ChannelEditForm
            channel={c}
            onDone={() => {
              setEditing(false);
              // The form goes away with the focus in it: back to the button that opened it.
              requestAnimationFrame(() => document.getElementById("edit-channel")?.focus());
            }}
          />
        </Card>
      ) : null}
      {result ? (
        <div
          role="status"
          data-testid="test-result"
          className={
            result.delivered
              ? "rounded-lg border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:border-emerald-900/60 dark:bg-emerald-950/40 dark:text-emerald-300"
              : "rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm break-words text-red-800 dark:border-red-900/60 dark:bg-red-950/40 dark:text-red-300"
          }
        >
          {result.delivered ? "Test notification delivered." : `Not delivered: ${result.error}`}
        </div>
      ) : test.error ? (
        <p role="alert" className="text-sm text-red-600">
          {test.error.message}
        </p>
      ) : null}
      {c.recipients ? (
        <Card title="Recipients">
          <ChannelRecipients id={id} recipients={c.recipients} />
        </Card>
      ) : null}
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={c.isDefault}
          disabled={update.isPending}
          onChange={(e) => update.mutate({ id, changes: { isDefault: e.target.checked } })}
          className="size-4 rounded border-zinc-300 dark:border-zinc-600 dark:bg-zinc-900"
        />
        Alert new monitors and heartbeats here by default
      </label>
      <Card title="Delivery log">
        <AlertLog channelId={id} />
      </Card>
    </div>
  );
}
