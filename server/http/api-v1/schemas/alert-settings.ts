import { z } from "zod";

/** Prose for the pause and alert fields monitors and heartbeats share. */
export const subjectProse = {
  paused: "create paused; on PATCH prefer status",
  channel_ids:
    "channels this subject alerts; on create, unset means the workspace's default channels",
  alert_on_down: "alert when it goes down (or late/missing/failed)",
  alert_on_recovery: "alert when it is back up",
  reminder_hours: "remind every N hours while still down; null: never",
  status_page_ids:
    "create only: the status pages to show it on; every other page of the workspace hides it. Unset: every page whose auto_add_subjects is true",
};

export const alertReadShape = {
  channel_ids: z.array(z.string()),
  alert_on_down: z.boolean(),
  alert_on_recovery: z.boolean(),
  reminder_hours: z.int().nullable(),
};
