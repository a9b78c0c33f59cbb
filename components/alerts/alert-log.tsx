"use client";

import { useQuery } from "@tanstack/react-query";
import { AlertTriangle, CheckCircle2, Clock, XCircle } from "lucide-react";
import { useTRPC } from "@/components/trpc/client";
import { Pill } from "@/components/ui/panel";
import { RelativeTime } from "@/components/ui/time-text";

const STATUS = {
  delivered: {
    label: "Delivered",
    icon: CheckCircle2,
    className:
      "bg-emerald-50 text-emerald-800 ring-emerald-600/20 dark:bg-emerald-950/40 dark:text-emerald-300",
  },
  sending: {
    label: "Sending",
    icon: Clock,
    className: "bg-zinc-50 text-zinc-700 ring-zinc-500/20 dark:bg-zinc-800 dark:text-zinc-300",
  },
  retrying: {
    label: "Retrying",
    icon: AlertTriangle,
    className:
      "bg-amber-50 text-amber-800 ring-amber-600/20 dark:bg-amber-950/40 dark:text-amber-300",
  },
  failed: {
    label: "Failed",
    icon: XCircle,
    className: "bg-red-50 text-red-800 ring-red-600/20 dark:bg-red-950/40 dark:text-red-300",
  },
} as const;

/** The delivery log, newest first: of one channel, or of one monitor or heartbeat. */
export function AlertLog({
  channelId,
  subjectId,
  showChannel = false,
}: {
  channelId?: string;
  subjectId?: string;
  showChannel?: boolean;
}) {
  const trpc = useTRPC();
  const { data, error } = useQuery({
    ...trpc.alerts.log.queryOptions({ channelId, subjectId, limit: 50 }),
    refetchInterval: 5000,
  });
  if (error)
    return (
      <p role="alert" className="text-sm text-red-600">
        Could not load the delivery log: {error.message}
      </p>
    );
  if (!data) return <p className="text-sm text-zinc-500">Loading…</p>;
  if (data.length === 0)
    return (
      <p className="text-sm text-zinc-500">
        Nothing sent yet. Alerts appear here when a state change reaches a channel.
      </p>
    );
  return (
    <ul className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800" data-testid="alert-log">
      {data.map((m) => {
        const s = STATUS[m.status];
        return (
          <li key={m.id} className="py-2.5" data-testid="alert-log-entry">
            <div className="flex flex-wrap items-start justify-between gap-2">
              <p className="min-w-0 flex-1 font-medium wrap-anywhere">{m.summary}</p>
              <Pill label={s.label} icon={s.icon} className={s.className} status={m.status} />
            </div>
            <p className="mt-0.5 text-xs wrap-anywhere text-zinc-500 dark:text-zinc-400">
              {showChannel ? `${m.channelName} · ` : ""}
              {m.kind === "test"
                ? "test · "
                : m.flipIds.length > 1
                  ? `${m.flipIds.length} changes folded · `
                  : ""}
              <RelativeTime at={m.createdAt} />
              {" · "}
              {m.attempts === 1 ? "1 attempt" : `${m.attempts} attempts`}
              {m.status === "retrying" && m.nextAttemptAt ? (
                <>
                  {" · next "}
                  <RelativeTime at={m.nextAttemptAt} />
                </>
              ) : null}
            </p>
            {m.lastError && m.status !== "delivered" ? (
              <p className="mt-0.5 text-xs wrap-anywhere text-red-700 dark:text-red-400">
                {m.lastError}
              </p>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
