/** What a person says about a maintenance, in Statuspage's maintenance statuses. */
export const maintenanceUpdateStatuses = [
  "scheduled",
  "in_progress",
  "verifying",
  "completed",
] as const;
