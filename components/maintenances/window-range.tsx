"use client";

import clsx from "clsx";
import { DateTime } from "@/components/ui/time-text";
import { maintenanceStatusWords, statusTone } from "@/components/maintenances/maintenance-words";
import type { MaintenanceStatus } from "@/server/domain/maintenance/maintenance-status";

/** A window as "start – end" in the viewer's zone. */
export function WindowRange({ window: w }: { window: { startsAt: Date; endsAt: Date } }) {
  return (
    <span>
      <DateTime at={w.startsAt} /> – <DateTime at={w.endsAt} />
    </span>
  );
}

export function MaintenanceBadge({ status }: { status: MaintenanceStatus }) {
  return (
    <span
      data-testid="maintenance-status"
      className={clsx(
        "inline-flex shrink-0 items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset",
        statusTone[status],
      )}
    >
      {maintenanceStatusWords[status]}
    </span>
  );
}
