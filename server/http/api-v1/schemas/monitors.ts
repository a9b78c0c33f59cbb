import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import {
  createMonitorInput,
  updateMonitorInput,
} from "@/server/services/monitors/monitor-settings";
import { monitorStatuses } from "@/server/domain/monitors/monitor-state";
import { assertionComparisons, assertionSources } from "@/server/domain/monitors/assertions";
import { checkStatuses } from "@/server/domain/monitors/check-status";
import { listOf, writeBodies, nullableTimestamp, timestamp } from "./shape";
import { alertReadShape, subjectProse } from "./alert-settings";
import { answer, idParams, readErrors } from "./common";
import { resourcePaths } from "./resource-paths";

const assertionSchema = z
  .strictObject({
    source: z.enum(assertionSources),
    comparison: z.enum(assertionComparisons),
    target: z
      .string()
      .max(1000)
      .meta({ description: "compared as a number for status_code and response_time (ms)" }),
  })
  .meta({
    id: "Assertion",
    description: "Tickstem-style check condition; every one must hold for the check to be up",
  });

const monitorSchema = z
  .strictObject({
    id: z.uuid(),
    name: z.string(),
    url: z.string(),
    method: createMonitorInput.shape.method.unwrap(),
    headers: z.record(z.string(), z.string()),
    body: z.string().nullable(),
    accepted_status_codes: z.array(z.string()),
    max_redirects: z.int(),
    timeout_secs: z.int(),
    keyword: z.string().nullable(),
    keyword_must_be_absent: z.boolean(),
    degraded_after_ms: z.int().nullable(),
    interval_secs: z.int(),
    retry_interval_secs: z.int(),
    confirmations: z.int(),
    assertions: z.array(assertionSchema),
    paused: z.boolean(),
    ...alertReadShape,
    status: z.enum(monitorStatuses),
    consecutive_failures: z.int(),
    last_checked_at: nullableTimestamp(),
    last_response_ms: z.int().nullable(),
    last_status_code: z.int().nullable(),
    last_error: z.string().nullable(),
    tls_cert_expires_at: nullableTimestamp("expiry of the certificate the last https check saw"),
    ssl_expires_at: nullableTimestamp("same as tls_cert_expires_at (Tickstem name)"),
    next_check_at: nullableTimestamp("null while paused"),
    created_at: timestamp(),
    updated_at: timestamp(),
  })
  .meta({ id: "Monitor" });
export type MonitorJson = z.infer<typeof monitorSchema>;

const checkSchema = z
  .strictObject({
    id: z.uuid(),
    monitor_id: z.uuid(),
    status: z.enum(checkStatuses),
    status_code: z.int().nullable(),
    duration_ms: z.int(),
    error: z.string().nullable(),
    ssl_expires_at: nullableTimestamp("expiry of the certificate this check saw (https only)"),
    checked_at: timestamp(),
  })
  .meta({ id: "Check" });
export type CheckJson = z.infer<typeof checkSchema>;

const monitorList = listOf("monitors", monitorSchema, "MonitorList");
const checkList = listOf("checks", checkSchema, "CheckList");
const pageQuery = z.object({
  limit: z
    .int()
    .min(1)
    .optional()
    .meta({ description: "how many, newest first; 50 by default, above 1000 served as 1000" }),
  offset: z
    .int()
    .min(0)
    .optional()
    .meta({ description: "how many of the newest to skip; 0 by default" }),
});

const prose = {
  url: "http:// or https:// URL",
  accepted_status_codes: 'codes ("204") or ranges ("200-299")',
  timeout_secs: "below retry_interval_secs; 10 by default",
  retry_interval_secs:
    "how often to check while failing; 20 (or interval_secs if shorter) by default",
  keyword: "the body must contain this (or must not, with keyword_must_be_absent)",
  degraded_after_ms: "an answer slower than this is degraded, not up",
  confirmations: "failed checks in a row before the monitor is down",
  status: "paused: pause checks; active: resume them (from pending)",
  assertions: "Tickstem-style conditions; every one must hold for a check to be up",
  ...subjectProse,
};

export const { create: monitorCreateBody, update: monitorUpdateBody } = writeBodies(
  "Monitor",
  { create: createMonitorInput.shape, update: updateMonitorInput.shape },
  prose,
);

export const monitorPaths: ZodOpenApiPathsObject = {
  ...resourcePaths({
    path: "/monitors",
    one: { schema: monitorSchema, name: "The monitor" },
    bodies: { create: monitorCreateBody, update: monitorUpdateBody },
    list: {
      summary: "List monitors",
      description: "All monitors of the workspace",
      schema: monitorList,
    },
    create: "Create an HTTP monitor; it is checked at once, then every interval_secs",
    get: "Get a monitor",
    patch: "Change a monitor (partial); status paused or active pauses or resumes it",
    delete: "Delete a monitor and its history",
    pause: { pause: "Pause checks", resume: "Resume checks (from pending)" },
  }),
  "/monitors/{id}/checks": {
    get: {
      summary: "Recent check results, newest first",
      requestParams: { path: idParams, query: pageQuery },
      responses: { "200": answer("Checks", checkList), ...readErrors() },
    },
  },
};
