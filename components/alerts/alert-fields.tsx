"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/components/trpc/client";
import { Field } from "@/components/ui/field";

export type AlertValues = {
  alertOnDown: boolean;
  alertOnRecovery: boolean;
  reminderHours: number | null;
  /** Unset on a new subject: the channels marked default are preselected. */
  channelIds?: string[];
};

export const alertDefaults: AlertValues = {
  alertOnDown: true,
  alertOnRecovery: true,
  reminderHours: null,
};

/** Reads the alert fields back from a submitted form. */
export function readAlertFields(form: FormData): AlertValues {
  const reminder = String(form.get("reminderHours") ?? "").trim();
  return {
    alertOnDown: form.get("alertOnDown") === "on",
    alertOnRecovery: form.get("alertOnRecovery") === "on",
    reminderHours: reminder === "" ? null : Number(reminder),
    // Only when the list was shown: a form sent before it loaded keeps the server's defaults.
    ...(form.get("channelsShown") ? { channelIds: form.getAll("channelIds").map(String) } : {}),
  };
}

const check =
  "size-4 rounded border-zinc-300 text-zinc-900 focus:ring-2 focus:ring-brand-500/30 dark:border-zinc-600 dark:bg-zinc-900";

/** "Alerts" section of the monitor and heartbeat forms: which channels, on what, how often. */
export function AlertFields({
  initial,
  downLabel,
  errors,
}: {
  initial: AlertValues;
  downLabel: string;
  errors: { channelIds?: string; reminderHours?: string };
}) {
  const trpc = useTRPC();
  const { data: channels } = useQuery(trpc.alerts.channels.queryOptions());
  return (
    <fieldset className="rounded-xl border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900">
      <legend className="float-left mb-4 w-full text-sm font-medium">Alerts</legend>
      <div className="clear-both grid gap-5 sm:grid-cols-2">
        <div className="min-w-0 space-y-2">
          <p className="text-sm font-medium text-zinc-800 dark:text-zinc-200">Notify</p>
          {!channels ? (
            <p className="text-sm text-zinc-500">Loading channels…</p>
          ) : channels.length === 0 ? (
            <p className="text-sm text-zinc-500 dark:text-zinc-400">
              No channels yet.{" "}
              <Link href="/dashboard/alerts" className="underline">
                Add one
              </Link>{" "}
              to be told when this changes.
            </p>
          ) : (
            <ul className="space-y-1.5" aria-label="Channels">
              <input type="hidden" name="channelsShown" value="1" />
              {channels.map((c) => (
                <li key={c.id}>
                  <label className="flex items-center gap-2 text-sm">
                    <input
                      type="checkbox"
                      name="channelIds"
                      value={c.id}
                      className={check}
                      defaultChecked={
                        initial.channelIds ? initial.channelIds.includes(c.id) : c.isDefault
                      }
                    />
                    <span className="min-w-0 truncate">{c.name}</span>
                    <span className="shrink-0 text-xs text-zinc-500 dark:text-zinc-400">
                      {c.kind}
                      {c.enabled ? "" : " · disabled"}
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          )}
          {errors.channelIds ? (
            <p className="text-sm text-red-600 dark:text-red-400">{errors.channelIds}</p>
          ) : null}
        </div>
        <div className="space-y-4">
          <div className="space-y-1.5">
            <label className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="alertOnDown"
                defaultChecked={initial.alertOnDown}
                className={check}
              />
              {downLabel}
            </label>
            <label className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="alertOnRecovery"
                defaultChecked={initial.alertOnRecovery}
                className={check}
              />
              When it recovers
            </label>
          </div>
          <Field
            id="reminderHours"
            name="reminderHours"
            label="Remind every (hours) while still down"
            type="number"
            min={1}
            max={168}
            defaultValue={initial.reminderHours ?? ""}
            placeholder="off"
            error={errors.reminderHours}
          />
        </div>
      </div>
    </fieldset>
  );
}
