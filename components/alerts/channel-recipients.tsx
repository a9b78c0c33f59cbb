"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { CheckCircle2, Clock, MailPlus } from "lucide-react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import type { ChannelView } from "@/server/services/alerts/channel-view";

type Recipient = NonNullable<ChannelView["recipients"]>[number];

const stateOf = (r: Recipient) =>
  r.confirmed ? "Confirmed" : r.sentAt ? "Pending: link sent" : "Pending: link not sent yet";

/** An email channel's addresses: which confirmed, which still wait, and a way to mail the link again. */
export function ChannelRecipients({ id, recipients }: { id: string; recipients: Recipient[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const resend = useMutation(
    trpc.alerts.resendConfirmation.mutationOptions({
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.alerts.pathKey() }),
    }),
  );
  const pending = recipients.filter((r) => !r.confirmed);
  const failed = resend.data?.filter((r) => r.error !== null) ?? [];

  return (
    <div className="space-y-3">
      <ul className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800" aria-label="Recipients">
        {recipients.map((r) => (
          <li
            key={r.email}
            className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 py-2"
            data-testid="recipient"
          >
            <span className="min-w-0 font-medium wrap-anywhere">{r.email}</span>
            <span
              className={
                r.confirmed
                  ? "inline-flex items-center gap-1 text-emerald-700 dark:text-emerald-400"
                  : "inline-flex items-center gap-1 text-amber-700 dark:text-amber-400"
              }
            >
              {r.confirmed ? (
                <CheckCircle2 className="size-4" aria-hidden="true" />
              ) : (
                <Clock className="size-4" aria-hidden="true" />
              )}
              {stateOf(r)}
            </span>
          </li>
        ))}
      </ul>
      {pending.length > 0 ? (
        <>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            Vigil mails nothing to an address until its owner clicks the link in the confirmation
            email. Alerts to a channel with no confirmed address are logged as not sent.
          </p>
          <Button
            variant="secondary"
            disabled={resend.isPending}
            onClick={() => resend.mutate({ id })}
          >
            <MailPlus className="size-4" aria-hidden="true" />
            {resend.isPending ? "Sending…" : "Resend confirmation"}
          </Button>
        </>
      ) : null}
      {resend.error ? (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {resend.error.message}
        </p>
      ) : resend.data ? (
        <p role="status" className="text-sm text-zinc-700 dark:text-zinc-300">
          {failed.length === 0
            ? `Confirmation sent to ${resend.data.map((r) => r.email).join(", ")}.`
            : `Not sent: ${failed.map((r) => `${r.email} (${r.error})`).join("; ")}`}
        </p>
      ) : null}
    </div>
  );
}
