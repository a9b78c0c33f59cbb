import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { subjectKinds } from "@/server/domain/subjects/subject-kind";
import { maintenanceUpdateStatuses } from "@/server/domain/maintenance/maintenance-update-status";
import { maintenanceStatuses } from "@/server/domain/maintenance/maintenance-status";
import { nullableTimestamp, timestamp } from "./shape";
import { answer, idParams, jsonBody, writeErrors } from "./common";
import { resourcePaths } from "./resource-paths";

const time = z.iso.datetime({ offset: true, error: "must be an ISO 8601 time" });
const subjectRef = z.strictObject({
  kind: z.enum(subjectKinds, { error: 'must be "monitor" or "heartbeat"' }),
  id: z.string().max(64).meta({ description: "a monitor's or heartbeat's id in this workspace" }),
});

const settings = {
  title: z.string().max(200),
  body: z.string().max(5000).meta({ description: "plain text; line breaks and links are kept" }),
  subjects: z
    .array(subjectRef)
    .max(500)
    .meta({ description: "the monitors and heartbeats under maintenance in its windows" }),
  starts_at: time.nullable().meta({ description: "one-off window: its start" }),
  ends_at: time.nullable().meta({
    description:
      "one-off window: its end (at most 7 days after the start); on a recurring maintenance, a new end for the window in progress (extend or shorten it)",
  }),
  schedule: z
    .string()
    .max(100)
    .nullable()
    .meta({ description: "recurring: a 5-field cron expression, in `tz`" }),
  duration_secs: z
    .int()
    .nullable()
    .meta({ description: "recurring: how long each window lasts, 60 to 604800" }),
  tz: z.string().max(64).meta({ description: 'IANA time zone of the schedule, default "UTC"' }),
};

export const maintenanceCreateBody = z
  .strictObject({
    ...settings,
    body: settings.body.optional(),
    subjects: settings.subjects.optional(),
  })
  .partial({ starts_at: true, ends_at: true, schedule: true, duration_secs: true, tz: true })
  .meta({ id: "MaintenanceCreate" });

export const maintenancePatchBody = z
  .strictObject({
    ...settings,
    status: z
      .enum(["completed", "cancelled"], { error: 'must be "completed" or "cancelled"' })
      .meta({
        description:
          '"completed" ends the window in progress now; "cancelled" cancels what has not run',
      }),
  })
  .partial()
  .meta({ id: "MaintenanceUpdate" });

export const maintenanceUpdatePostBody = z
  .strictObject({
    status: z.enum(maintenanceUpdateStatuses),
    body: z.string().max(5000),
  })
  .meta({ id: "MaintenanceUpdateCreate" });

const updateSchema = z
  .strictObject({
    id: z.uuid(),
    status: z.enum(maintenanceUpdateStatuses),
    body: z.string(),
    created_at: timestamp(),
    edited_at: nullableTimestamp(),
  })
  .meta({ id: "MaintenanceUpdateEntry" });

const maintenanceSchema = z
  .strictObject({
    id: z.uuid(),
    title: z.string(),
    body: z.string(),
    subjects: z.array(
      z.strictObject({ kind: z.enum(subjectKinds), id: z.uuid(), name: z.string() }),
    ),
    starts_at: nullableTimestamp("one-off: the window's start"),
    ends_at: nullableTimestamp("one-off: the window's end"),
    schedule: z.string().nullable(),
    duration_secs: z.int().nullable(),
    tz: z.string().nullable(),
    status: z.enum(maintenanceStatuses),
    window: z
      .strictObject({ starts_at: timestamp(), ends_at: timestamp() })
      .nullable()
      .meta({ description: "the window in progress, else the next one, else the last that ran" }),
    cancelled_at: nullableTimestamp(),
    ended_early_at: nullableTimestamp(),
    created_at: timestamp(),
    updated_at: timestamp(),
    updates: z.array(updateSchema).meta({ description: "newest first" }),
  })
  .meta({ id: "Maintenance" });
export type MaintenanceJson = z.infer<typeof maintenanceSchema>;
export type MaintenanceUpdateJson = z.infer<typeof updateSchema>;

export const maintenancePaths: ZodOpenApiPathsObject = {
  ...resourcePaths({
    path: "/maintenances",
    one: { schema: maintenanceSchema, name: "The maintenance" },
    bodies: { create: maintenanceCreateBody, update: maintenancePatchBody },
    list: {
      summary: "List maintenances, newest first (?limit=)",
      description: "The workspace's maintenances with their status now",
    },
    create:
      "Plan maintenance: a one-off window (starts_at, ends_at) or a recurring one (schedule, duration_secs, tz); its subjects show under maintenance and alert no one while a window runs",
    get: "Get a maintenance",
    patch:
      "Change a maintenance (partial): end the window in progress early, extend it, cancel, or edit",
    delete: "Delete a maintenance; alerts its windows held back are looked at now",
    conflict: "Nothing is in progress to end, or the maintenance has already completed",
  }),
  "/maintenances/{id}/updates": {
    post: {
      summary: "Post an update on a maintenance",
      requestParams: { path: idParams },
      requestBody: jsonBody(maintenanceUpdatePostBody),
      responses: { "201": answer("The update", updateSchema), ...writeErrors() },
    },
  },
};
