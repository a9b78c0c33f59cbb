import type {
  MaintenanceStatus,
  StatuspageMaintenanceStatus,
} from "@/server/domain/maintenance/maintenance-status";

/** A maintenance as a status page shows it (plain JSON: the page, view.json and the live client). */
export type PageMaintenanceView = {
  id: string;
  title: string;
  body: string;
  /** in_progress, scheduled (within 7 days) or completed (recently); cancelled ones are left off. */
  status: Exclude<MaintenanceStatus, "cancelled">;
  statuspageStatus: StatuspageMaintenanceStatus;
  /** The window in progress, the next one, or the last that ran. */
  startsAt: string;
  endsAt: string;
  recurring: boolean;
  createdAt: string;
  updatedAt: string;
  /** The subjects of this page it covers (empty: a notice for the whole workspace). */
  subjectIds: string[];
  /** Newest first. */
  updates: {
    id: string;
    status: string;
    body: string;
    createdAt: string;
    editedAt: string | null;
  }[];
};

/** How many completed maintenances a page keeps in its JSON history. */
export const COMPLETED_LIMIT = 20;

/** In progress first, then upcoming soonest first, then completed newest first. */
export function sortPageMaintenances(list: PageMaintenanceView[]): PageMaintenanceView[] {
  const rank = { in_progress: 0, scheduled: 1, completed: 2 } as const;
  return [...list].sort(
    (a, b) =>
      rank[a.status] - rank[b.status] ||
      (a.status === "completed"
        ? b.endsAt.localeCompare(a.endsAt)
        : a.startsAt.localeCompare(b.startsAt)),
  );
}
