import { z } from "zod";
import { subjectKinds } from "@/server/domain/subjects/subject-kind";
import { maintenanceUpdateStatuses } from "@/server/domain/maintenance/maintenance-update-status";

const MAX_BODY = 5000;

const subject = z.object({
  kind: z.enum(subjectKinds, { error: 'must be "monitor" or "heartbeat"' }),
  id: z.string().max(64),
});

/** A maintenance as a person or script may set it; the timing is checked by the domain. */
const maintenanceSettingsShape = {
  title: z.string().trim().min(1, { error: "must not be empty" }).max(200),
  body: z.string().max(MAX_BODY, { error: `must be at most ${MAX_BODY} characters` }),
  subjects: z.array(subject).max(500),
  startsAt: z.coerce.date({ error: "must be an ISO 8601 time" }).nullable(),
  endsAt: z.coerce.date({ error: "must be an ISO 8601 time" }).nullable(),
  schedule: z.string().trim().min(1).max(100).nullable(),
  durationSecs: z.number().int({ error: "must be a whole number of seconds" }).nullable(),
  tz: z.string().trim().min(1).max(64),
};

export const createMaintenanceInput = z.object({
  title: maintenanceSettingsShape.title,
  body: maintenanceSettingsShape.body.default(""),
  subjects: maintenanceSettingsShape.subjects.default([]),
  startsAt: maintenanceSettingsShape.startsAt.default(null),
  endsAt: maintenanceSettingsShape.endsAt.default(null),
  schedule: maintenanceSettingsShape.schedule.default(null),
  durationSecs: maintenanceSettingsShape.durationSecs.default(null),
  tz: maintenanceSettingsShape.tz.default("UTC"),
});
export type CreateMaintenanceInput = z.input<typeof createMaintenanceInput>;

/**
 * A partial edit. `status: "completed"` ends the window in progress now (end early),
 * `"cancelled"` cancels what has not run yet; a later `ends_at` extends the window in progress.
 */
export const updateMaintenanceInput = z
  .object({
    ...maintenanceSettingsShape,
    status: z.enum(["completed", "cancelled"], { error: 'must be "completed" or "cancelled"' }),
  })
  .partial();
export type UpdateMaintenanceInput = z.input<typeof updateMaintenanceInput>;

export const maintenanceUpdateInput = z.object({
  status: z.enum(maintenanceUpdateStatuses, {
    error: `must be one of ${maintenanceUpdateStatuses.join(", ")}`,
  }),
  body: z
    .string()
    .trim()
    .min(1, { error: "must not be empty" })
    .max(MAX_BODY, { error: `must be at most ${MAX_BODY} characters` }),
});
export type MaintenanceUpdateInput = z.input<typeof maintenanceUpdateInput>;
