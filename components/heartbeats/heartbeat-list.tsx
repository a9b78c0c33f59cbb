"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/client";
import { NameCell } from "@/components/ui/data-table";
import { SubjectList } from "@/components/subjects/subject-list";
import { heartbeatListKind } from "@/components/heartbeats/heartbeat-kind";
import { HeartbeatBadge } from "@/components/heartbeats/heartbeat-badge";
import { formatIn, scheduleText } from "@/components/heartbeats/schedule-text";
import { formatAgo, formatMs } from "@/components/monitors/format";

const right = "text-right tabular-nums";
const muted = "text-zinc-600 dark:text-zinc-300";

export function HeartbeatList() {
  const trpc = useTRPC();
  const query = useQuery(trpc.heartbeat.list.queryOptions());
  return (
    <SubjectList
      kind={heartbeatListKind}
      query={query}
      tickMs={1000}
      columns={(now) => [
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
