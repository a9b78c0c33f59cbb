import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import {
  createHeartbeatInput,
  updateHeartbeatInput,
} from "@/server/services/heartbeats/heartbeat-settings";
import { heartbeatStatuses } from "@/server/domain/heartbeats/heartbeat-state";
import { pingKinds } from "@/server/domain/heartbeats/heartbeat-state";
import { listOf, writeBodies, nullableTimestamp, timestamp } from "./shape";
import { alertReadShape, subjectProse } from "./alert-settings";
import { answer, errors, idParams, limitQuery, readErrors } from "./common";
import { resourcePaths } from "./resource-paths";

const prose = {
  interval_secs: "expected every N seconds; exactly one of interval_secs or schedule",
  schedule: "5-field cron expression, in tz",
  tz: "IANA time zone of the cron schedule",
  grace_secs: "how late a ping may be before the heartbeat is late",
  max_runtime_secs: "a run (start ping) longer than this fails",
  status: "paused: no late or missing while paused; active: resume with a fresh period",
  ...subjectProse,
};

export const { create: heartbeatCreateBody, update: heartbeatUpdateBody } = writeBodies(
  "Heartbeat",
  { create: createHeartbeatInput.shape, update: updateHeartbeatInput.shape },
  prose,
);

const heartbeatSchema = z
  .strictObject({
    id: z.uuid(),
    name: z.string(),
    token: z.string().meta({ description: "the secret in ping_url" }),
    ping_url: z.string().meta({ description: "POST or GET it to report a run" }),
    interval_secs: z.int().nullable(),
    schedule: z.string().nullable(),
    tz: z.string(),
    grace_secs: z.int(),
    max_runtime_secs: z.int().nullable(),
    paused: z.boolean(),
    ...alertReadShape,
    status: z.enum(heartbeatStatuses),
    consecutive_misses: z.int(),
    last_pinged_at: nullableTimestamp(),
    last_success_at: nullableTimestamp(),
    next_expected_at: nullableTimestamp("null while paused or before the first ping of a new one"),
    running_since: nullableTimestamp(),
    last_duration_ms: z.int().nullable(),
    created_at: timestamp(),
    updated_at: timestamp(),
  })
  .meta({ id: "Heartbeat" });
export type HeartbeatJson = z.infer<typeof heartbeatSchema>;

const pingSchema = z
  .strictObject({
    id: z.uuid(),
    heartbeat_id: z.uuid(),
    pinged_at: timestamp(),
    kind: z.enum(pingKinds),
    exit_status: z.int().nullable(),
    rid: z.string().nullable(),
    body: z.string().nullable().meta({ description: "first 10,000 bytes" }),
    truncated: z.boolean(),
    source_ip: z.string().nullable(),
    user_agent: z.string().nullable(),
    duration_ms: z.int().nullable(),
  })
  .meta({ id: "Ping" });
export type PingJson = z.infer<typeof pingSchema>;

export const heartbeatPaths: ZodOpenApiPathsObject = {
  ...resourcePaths({
    path: "/heartbeats",
    one: { schema: heartbeatSchema, name: "The heartbeat" },
    bodies: { create: heartbeatCreateBody, update: heartbeatUpdateBody },
    list: {
      summary: "List heartbeats",
      description: "All heartbeats",
    },
    create: "Create a heartbeat (the answer has its token and ping_url)",
    get: "Get a heartbeat",
    patch: "Change a heartbeat (partial); status paused or active pauses or resumes it",
    delete: "Delete a heartbeat; its ping URL answers 404 from then on",
    pause: {
      pause: "Pause (no late or missing while paused)",
      resume: "Resume with a fresh period",
    },
  }),
  "/heartbeats/{id}/pings": {
    get: {
      summary: "Recent pings, newest first",
      requestParams: { path: idParams, query: limitQuery },
      responses: {
        "200": answer("Pings", listOf("pings", pingSchema, "PingList")),
        ...readErrors(),
      },
    },
  },
  "/heartbeats/{token}/ping": {
    post: {
      summary:
        "Report a successful run (no API key: the token is the credential). Also: GET|POST|HEAD /ping/{token}[/start|/fail|/log|/{exit status 0-255}][?rid=uuid] at the server root, answered plain OK.",
      security: [],
      requestParams: {
        path: z.object({ token: z.string().meta({ description: "the heartbeat's token" }) }),
      },
      responses: {
        "200": answer(
          "Recorded, after the ping is committed",
          z.strictObject({ status: z.literal("ok") }).meta({ id: "PingAccepted" }),
        ),
        ...errors([404, 413, 429], { 404: "Unknown or deleted token" }),
      },
    },
  },
};
