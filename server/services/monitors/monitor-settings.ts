import { z } from "zod";
import { httpUrl } from "@/server/services/http-url";
import { TEXT_LIMITS } from "@/server/domain/validation/field-labels";
import { MAX_REMINDER_HOURS } from "@/server/domain/alerts/alert-policy";
import { httpMethods } from "@/db/schema/monitors";
import { newSubjectPagesInput } from "@/server/services/status-pages/status-page-settings";
import {
  assertionComparisons,
  assertionProblem,
  assertionSources,
} from "@/server/domain/monitors/assertions";
import { settableStatuses } from "@/server/services/paused-from-status";

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const STATUS_ENTRY = /^([1-5]\d\d)(?:-([1-5]\d\d))?$/;

const statusEntry = z.string().refine(
  (v) => {
    const m = STATUS_ENTRY.exec(v.trim());
    return Boolean(m && (!m[2] || Number(m[1]) <= Number(m[2])));
  },
  { error: 'must be a status code like "204" or a range like "200-299"' },
);

const assertion = z
  .object({
    source: z.enum(assertionSources, { error: `must be one of ${assertionSources.join(", ")}` }),
    comparison: z.enum(assertionComparisons, {
      error: `must be one of ${assertionComparisons.join(", ")}`,
    }),
    target: z.string({ error: "must be a string" }).max(1000),
  })
  .check((c) => {
    const problem = assertionProblem(c.value);
    if (problem)
      c.issues.push({ code: "custom", message: problem, input: c.value, path: ["target"] });
  });

/** Monitor settings as a person or script may set them (API and form limits apply here). */
const monitorSettingsShape = {
  name: z.string().trim().min(1, { error: "must not be empty" }).max(TEXT_LIMITS.name),
  url: httpUrl,
  method: z.enum(httpMethods, { error: `must be one of ${httpMethods.join(", ")}` }),
  headers: z
    .record(
      z.string().regex(HEADER_NAME, { error: "header names must be HTTP tokens" }),
      z
        .string()
        .max(4096)
        .refine((v) => !/[\r\n]/.test(v), { error: "header values must be one line" }),
    )
    .refine((h) => Object.keys(h).length <= 50, { error: "at most 50 headers" }),
  body: z.string().max(65_536).nullable(),
  acceptedStatusCodes: z.array(statusEntry).min(1).max(20),
  maxRedirects: z.number().int().min(0).max(20),
  timeoutSecs: z.number().int().min(1).max(60),
  keyword: z.string().min(1).max(1000).nullable(),
  keywordMustBeAbsent: z.boolean(),
  degradedAfterMs: z.number().int().min(1).max(60_000).nullable(),
  intervalSecs: z.number().int().min(10, { error: "must be at least 10 seconds" }).max(86_400),
  retryIntervalSecs: z.number().int().min(10).max(86_400),
  confirmations: z.number().int().min(1).max(10),
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
  /** Tickstem's assertions, checked on every check besides the accepted status codes and keyword. */
  assertions: z.array(assertion).max(20, { error: "at most 20 assertions" }),
};

export const createMonitorInput = z.object({
  ...monitorSettingsShape,
  method: monitorSettingsShape.method.default("GET"),
  headers: monitorSettingsShape.headers.default({}),
  body: monitorSettingsShape.body.default(null),
  acceptedStatusCodes: monitorSettingsShape.acceptedStatusCodes.default(["200-399"]),
  maxRedirects: monitorSettingsShape.maxRedirects.default(10),
  timeoutSecs: monitorSettingsShape.timeoutSecs.optional(),
  keyword: monitorSettingsShape.keyword.default(null),
  keywordMustBeAbsent: monitorSettingsShape.keywordMustBeAbsent.default(false),
  degradedAfterMs: monitorSettingsShape.degradedAfterMs.default(null),
  intervalSecs: monitorSettingsShape.intervalSecs.default(60),
  retryIntervalSecs: monitorSettingsShape.retryIntervalSecs.optional(),
  confirmations: monitorSettingsShape.confirmations.default(2),
  paused: monitorSettingsShape.paused.default(false),
  alertOnDown: monitorSettingsShape.alertOnDown.default(true),
  alertOnRecovery: monitorSettingsShape.alertOnRecovery.default(true),
  reminderHours: monitorSettingsShape.reminderHours.default(null),
  channelIds: monitorSettingsShape.channelIds.optional(),
  assertions: monitorSettingsShape.assertions.optional(),
  statusPageIds: newSubjectPagesInput,
});

export const updateMonitorInput = z
  .object({
    ...monitorSettingsShape,
    status: z.enum(settableStatuses, { error: "must be paused or active" }),
  })
  .partial();

/** Settings after defaults; the engine accepts any positive interval (tests use 1–2 s). */
export type MonitorSettings = Omit<
  z.output<typeof createMonitorInput>,
  "retryIntervalSecs" | "timeoutSecs" | "alertOnDown" | "alertOnRecovery" | "reminderHours"
> & {
  retryIntervalSecs: number;
  timeoutSecs: number;
  alertOnDown?: boolean;
  alertOnRecovery?: boolean;
  reminderHours?: number | null;
};

/** Retry every 20 s while failing, or at the interval when that is shorter. */
export const defaultRetryInterval = (intervalSecs: number) => Math.min(20, intervalSecs);
/** 10 s, or just under the retry interval when that is 10 s or less (a check ends before the next). */
export const defaultTimeout = (retryIntervalSecs: number) =>
  Math.max(1, Math.min(10, retryIntervalSecs - 1));
