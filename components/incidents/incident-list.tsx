"use client";

import { useQuery } from "@tanstack/react-query";
import clsx from "clsx";
import Link from "next/link";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { PageHeader } from "@/components/dashboard/page-header";
import { statusWords } from "@/components/incidents/incident-words";
import { ButtonLink } from "@/components/ui/button";
import { DateTime } from "@/components/ui/time-text";

const TABS = [
  { key: "open", label: "Open" },
  { key: "resolved", label: "Resolved" },
] as const;

/** Incidents of the workspace, open or resolved, newest first. */
export function IncidentList() {
  const trpc = useTRPC();
  const [tab, setTab] = useState<"open" | "resolved">("open");
  const list = useQuery(trpc.incidents.list.queryOptions({ status: tab }));
  return (
    <>
      <PageHeader
        title="Incidents"
        description="What the checks found and what people wrote about it; updates show on your status pages."
        actions={<ButtonLink href="/dashboard/incidents/new">Declare an incident</ButtonLink>}
      />
      <div role="tablist" aria-label="Incidents" className="mt-6 flex gap-2">
        {TABS.map((t) => (
          <button
            key={t.key}
            role="tab"
            aria-selected={tab === t.key}
            onClick={() => setTab(t.key)}
            className={clsx(
              "rounded-lg px-3 py-1.5 text-sm font-medium max-sm:min-h-11",
              tab === t.key
                ? "bg-zinc-900 text-white dark:bg-white dark:text-zinc-900"
                : "text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800",
            )}
          >
            {t.label}
          </button>
        ))}
      </div>
      <ul className="mt-4 divide-y divide-zinc-200 rounded-xl border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900">
        {list.data?.length === 0 ? (
          <li className="p-4 text-sm text-zinc-600 dark:text-zinc-400">
            {tab === "open" ? "Nothing is open." : "No resolved incidents yet."}
          </li>
        ) : null}
        {list.data?.map((i) => (
          <li key={i.id} data-testid="incident-row">
            <Link
              href={`/dashboard/incidents/${i.id}`}
              className="block p-4 hover:bg-zinc-50 dark:hover:bg-zinc-800/50"
            >
              <span className="block font-medium wrap-anywhere">{i.title}</span>
              <span className="mt-1 block text-xs text-zinc-500 dark:text-zinc-400">
                {statusWords[i.status]} · {i.automatic ? "found by the checks" : "declared"} ·
                started <DateTime at={i.startedAt} />
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
