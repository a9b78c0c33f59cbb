import { z } from "zod";
import { TEXT_LIMITS } from "@/server/domain/validation/field-labels";
import { settableStatuses } from "@/server/services/paused-from-status";
import { MAX_REMINDER_HOURS } from "@/server/domain/alerts/alert-policy";
import { newSubjectPagesInput } from "@/server/services/status-pages/status-page-settings";

const MAX_SECS = 2_678_400; // 31 days

/** Heartbeat settings as a person or script may set them (API and form limits apply here). */
const heartbeatSettingsShape = {
  name: z.string().trim().min(1, { error: "must not be empty" }).max(TEXT_LIMITS.name),
  intervalSecs: z
    .number()
    .int()
    .min(60, { error: "must be at least 60 seconds" })
    .max(MAX_SECS, { error: "must be at most 31 days" })
    .nullable(),
  schedule: z.string().trim().min(1).max(100).nullable(),
  tz: z.string().trim().min(1).max(64),
  graceSecs: z.number().int().min(0).max(MAX_SECS),
  maxRuntimeSecs: z.number().int().min(10).max(MAX_SECS).nullable(),
  paused: z.boolean(),
  alertOnDown: z.boolean(),
  alertOnRecovery: z.boolean(),
  reminderHours: z
    .number()
    .int()
    .min(1, { error: "must be at least 1 hour" })
    .max(MAX_REMINDER_HOURS, { error: `must be at most ${MAX_REMINDER_HOURS} hours` })
    .nullable(),
  channelIds: z.array(z.string().max(64)).max(50),
};

export const createHeartbeatInput = z.object({
  name: heartbeatSettingsShape.name,
  intervalSecs: heartbeatSettingsShape.intervalSecs.optional(),
  schedule: heartbeatSettingsShape.schedule.optional(),
  tz: heartbeatSettingsShape.tz.default("UTC"),
  graceSecs: heartbeatSettingsShape.graceSecs.default(60),
  maxRuntimeSecs: heartbeatSettingsShape.maxRuntimeSecs.default(null),
  paused: heartbeatSettingsShape.paused.default(false),
  alertOnDown: heartbeatSettingsShape.alertOnDown.default(true),
  alertOnRecovery: heartbeatSettingsShape.alertOnRecovery.default(true),
  reminderHours: heartbeatSettingsShape.reminderHours.default(null),
  channelIds: heartbeatSettingsShape.channelIds.optional(),
  statusPageIds: newSubjectPagesInput,
});

export const updateHeartbeatInput = z
  .object({
    ...heartbeatSettingsShape,
    status: z.enum(settableStatuses, { error: "must be paused or active" }),
  })
  .partial();

/** Settings after defaults; the engine takes any positive interval (tests use 1–2 s). */
export type HeartbeatSettings = {
  name: string;
  intervalSecs: number | null;
  schedule: string | null;
  tz: string;
  graceSecs: number;
  maxRuntimeSecs: number | null;
  paused: boolean;
  alertOnDown?: boolean;
  alertOnRecovery?: boolean;
  reminderHours?: number | null;
  /** Unset on creation: the workspace's default channels. */
  channelIds?: string[];
  /** Unset on creation: every status page that adds new subjects automatically. */
  statusPageIds?: string[];
};
