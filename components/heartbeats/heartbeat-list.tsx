"use client";

import { useQuery } from "@tanstack/react-query";
import { HeartPulse } from "lucide-react";
import { useTRPC } from "@/components/trpc/client";
import { useNow } from "@/components/ui/use-now";
import { NameCell } from "@/components/ui/data-table";
import { SubjectList } from "@/components/subjects/subject-list";
import { HeartbeatBadge } from "@/components/heartbeats/heartbeat-badge";
import { formatIn, scheduleText } from "@/components/heartbeats/schedule-text";
import { formatAgo, formatMs } from "@/components/monitors/format";

const right = "text-right tabular-nums";
const muted = "text-zinc-600 dark:text-zinc-300";

export function HeartbeatList() {
  const trpc = useTRPC();
  const query = useQuery(trpc.heartbeat.list.queryOptions());
  const now = useNow(1000);
  return (
    <SubjectList
      kind={{
        title: "Heartbeats",
        description: "Cron and background jobs that ping Vigil after every run.",
        href: "/dashboard/heartbeats",
        noun: "heartbeat",
        empty: {
          icon: HeartPulse,
          text: "Give a job a secret ping URL. When the ping does not arrive by its deadline plus grace, Vigil marks the job missing — the run that never happened.",
        },
      }}
      query={query}
      columns={[
        {
          header: "Job",
          cell: (h) => (
            <NameCell
              href={`/dashboard/heartbeats/${h.id}`}
              name={h.name}
              mono
              detail={`${scheduleText(h)} · grace ${h.graceSecs}s`}
            />
          ),
        },
        { header: "Status", cell: (h) => <HeartbeatBadge status={h.status} /> },
        {
          header: "Last ping",
          className: right,
          cellClassName: muted,
          cell: (h) => formatAgo(h.lastPingedAt, now),
        },
        {
          header: "Next expected",
          className: right,
          cellClassName: muted,
          cell: (h) =>
            h.status === "paused" || h.status === "new" ? "—" : formatIn(h.deadline, now),
        },
        { header: "Last run", className: right, cell: (h) => formatMs(h.lastDurationMs) },
      ]}
    />
  );
}
