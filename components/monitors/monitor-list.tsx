"use client";

import { useQuery } from "@tanstack/react-query";
import { Activity } from "lucide-react";
import { useTRPC } from "@/components/trpc/client";
import { useNow } from "@/components/ui/use-now";
import { NameCell } from "@/components/ui/data-table";
import { SubjectList } from "@/components/subjects/subject-list";
import { StatusBadge } from "@/components/monitors/status-badge";
import { formatAgo, formatInterval, formatMs, formatUptime } from "@/components/monitors/format";

const right = "text-right tabular-nums";

export function MonitorList() {
  const trpc = useTRPC();
  const query = useQuery(trpc.monitor.list.queryOptions());
  const now = useNow(5000);
  return (
    <SubjectList
      kind={{
        title: "Monitors",
        description: "HTTP(S) endpoints checked on a schedule.",
        href: "/dashboard/monitors",
        noun: "monitor",
        empty: {
          icon: Activity,
          text: "Add an endpoint and Vigil checks it on your schedule, flips it to Down only after confirmed failures, and keeps its response times and uptime.",
        },
      }}
      query={query}
      columns={[
        {
          header: "Monitor",
          cellClassName: "max-w-xs",
          cell: (m) => (
            <NameCell
              href={`/dashboard/monitors/${m.id}`}
              name={m.name}
              detail={`${m.method} ${m.url} · every ${formatInterval(m.intervalSecs)}`}
              detailTitle={m.url}
            />
          ),
        },
        { header: "Status", cell: (m) => <StatusBadge status={m.status} /> },
        { header: "Response", className: right, cell: (m) => formatMs(m.lastResponseMs) },
        { header: "24 h", className: right, cell: (m) => formatUptime(m.uptime24h) },
        { header: "30 days", className: right, cell: (m) => formatUptime(m.uptime30d) },
        {
          header: "Last check",
          className: right,
          cellClassName: "text-zinc-500 dark:text-zinc-400",
          cell: (m) => formatAgo(m.lastCheckedAt, now),
        },
      ]}
    />
  );
}
