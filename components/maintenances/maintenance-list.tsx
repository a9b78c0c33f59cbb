"use client";

import { useQuery } from "@tanstack/react-query";
import { Repeat, Wrench } from "lucide-react";
import { useTRPC } from "@/components/trpc/client";
import { PageHeader } from "@/components/dashboard/page-header";
import { EmptyState } from "@/components/dashboard/empty-state";
import { ButtonLink } from "@/components/ui/button";
import { DataTable, ListStates, NameCell } from "@/components/ui/data-table";
import { MaintenanceBadge, WindowRange } from "@/components/maintenances/window-range";
import type { MaintenanceStatus } from "@/server/domain/maintenance/maintenance-status";

const ORDER: Record<MaintenanceStatus, number> = {
  in_progress: 0,
  scheduled: 1,
  completed: 2,
  cancelled: 3,
};
const NEW = "/dashboard/maintenances/new";

/** Maintenance of the workspace: running and upcoming first (soonest first), then the rest. */
export function MaintenanceList() {
  const trpc = useTRPC();
  const query = useQuery(trpc.maintenances.list.queryOptions());
  const sorted = query.data && {
    ...query,
    data: [...query.data].sort(
      (a, b) =>
        ORDER[a.status] - ORDER[b.status] ||
        (a.status === "scheduled" || a.status === "in_progress" ? 1 : -1) *
          ((a.window?.startsAt.getTime() ?? 0) - (b.window?.startsAt.getTime() ?? 0)),
    ),
  };
  return (
    <div className="space-y-8">
      <PageHeader
        title="Maintenance"
        description="Planned work: its monitors and heartbeats show “Under maintenance” on your status pages and send no alerts while a window runs."
        actions={<ButtonLink href={NEW}>Schedule maintenance</ButtonLink>}
      />
      <ListStates
        noun="maintenance"
        query={sorted || query}
        empty={
          <EmptyState icon={Wrench} title="No maintenance planned">
            <p>
              Plan a database upgrade or a weekly deploy window so your status pages tell visitors
              ahead of time and nobody gets paged for it.
            </p>
            <ButtonLink href={NEW} className="mt-4">
              Schedule maintenance
            </ButtonLink>
          </EmptyState>
        }
      >
        {(rows) => (
          <DataTable
            label="Maintenance"
            rows={rows}
            rowTestId="maintenance-row"
            columns={[
              {
                header: "Maintenance",
                cellClassName: "min-w-0 sm:max-w-md",
                cell: (m) => (
                  <NameCell
                    href={`/dashboard/maintenances/${m.id}`}
                    name={m.title}
                    detail={
                      m.schedule ? (
                        <span className="inline-flex items-center gap-1">
                          <Repeat className="size-3" aria-hidden="true" /> Recurring ·{" "}
                          <code className="font-mono">{m.schedule}</code> · {m.tz}
                        </span>
                      ) : (
                        "One-off window"
                      )
                    }
                  />
                ),
              },
              { header: "Status", cell: (m) => <MaintenanceBadge status={m.status} /> },
              {
                header: "Window",
                cell: (m) =>
                  m.window ? <WindowRange window={m.window} /> : <span>No window left</span>,
              },
              {
                header: "Affects",
                cell: (m) =>
                  m.subjects.length === 1 ? "1 subject" : `${m.subjects.length} subjects`,
              },
            ]}
          />
        )}
      </ListStates>
    </div>
  );
}
