"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/client";
import { NameCell } from "@/components/ui/data-table";
import { SubjectList } from "@/components/subjects/subject-list";
import { monitorListKind } from "@/components/monitors/monitor-kind";
import { StatusBadge } from "@/components/monitors/status-badge";
import { formatInterval, formatMs } from "@/components/monitors/format";
import { UptimeFigure } from "@/components/monitors/uptime-figure";
import { RelativeTime } from "@/components/ui/time-text";

const DAY_MS = 86_400_000;

const right = "text-right tabular-nums";

export function MonitorList() {
  const trpc = useTRPC();
  const query = useQuery(trpc.monitor.list.queryOptions());
  return (
    <SubjectList
      kind={monitorListKind}
      query={query}
      tickMs={5000}
      columns={(now) => [
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
        {
          header: "24 h",
          className: right,
          cell: (m) => (
            <UptimeFigure
              ratio={m.uptime24h}
              windowMs={DAY_MS}
              createdAt={m.createdAt}
              now={now}
              maintenanceMs={m.maintenance24hMs}
            />
          ),
        },
        {
          header: "30 days",
          className: right,
          cell: (m) => (
            <UptimeFigure
              ratio={m.uptime30d}
              windowMs={30 * DAY_MS}
              createdAt={m.createdAt}
              now={now}
              maintenanceMs={m.maintenance30dMs}
            />
          ),
        },
        {
          header: "Last check",
          className: right,
          cellClassName: "text-zinc-500 dark:text-zinc-400",
          cell: (m) => (m.lastCheckedAt ? <RelativeTime at={m.lastCheckedAt} /> : "never"),
        },
      ]}
    />
  );
}
