import { maintenanceUpdateStatuses } from "@/server/domain/maintenance/maintenance-update-status";
import type { MaintenanceStatus } from "@/server/domain/maintenance/maintenance-status";
import type { StatusChoices } from "@/components/incidents/update-fields";

type MaintenanceUpdateStatus = (typeof maintenanceUpdateStatuses)[number];

export const maintenanceStatusWords: Record<MaintenanceStatus, string> = {
  scheduled: "Scheduled",
  in_progress: "In progress",
  completed: "Completed",
  cancelled: "Cancelled",
};

/** The statuses an update on a maintenance may say, as Statuspage names them. */
export const maintenanceUpdateChoices: StatusChoices<MaintenanceUpdateStatus> = {
  statuses: maintenanceUpdateStatuses,
  words: {
    scheduled: "Scheduled",
    in_progress: "In progress",
    verifying: "Verifying",
    completed: "Completed",
  },
};

export const statusTone: Record<MaintenanceStatus, string> = {
  scheduled:
    "bg-sky-50 text-sky-800 ring-sky-200 dark:bg-sky-950/50 dark:text-sky-300 dark:ring-sky-900",
  in_progress:
    "bg-amber-50 text-amber-800 ring-amber-200 dark:bg-amber-950/50 dark:text-amber-300 dark:ring-amber-900",
  completed:
    "bg-zinc-100 text-zinc-700 ring-zinc-200 dark:bg-zinc-800 dark:text-zinc-300 dark:ring-zinc-700",
  cancelled:
    "bg-zinc-100 text-zinc-600 ring-zinc-200 dark:bg-zinc-800 dark:text-zinc-400 dark:ring-zinc-700",
};
