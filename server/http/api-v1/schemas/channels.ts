import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { createChannelInput, updateChannelInput } from "@/server/services/alerts/channel-settings";
import { channelKinds } from "@/server/domain/alerts/channel-kind";
import { alertMessageStatuses } from "@/server/domain/alerts/alert-message-status";
import { subjectKinds } from "@/server/domain/subjects/subject-kind";
import { listOf, writeBodies, nullableTimestamp, timestamp } from "./shape";
import { answer, errors, idParams, limitQuery, readErrors, writeErrors } from "./common";
import { resourcePaths } from "./resource-paths";

const prose = {
  url: "receiver URL (every kind but email)",
  to: "email: one or more addresses, comma-separated; each gets a confirmation link first",
  headers: "webhook only; values are write-only",
  secret:
    "webhook only, write-only: HMAC-SHA256 key (generated when omitted); a new one replaces the old",
  is_default: "attached to monitors and heartbeats created after it",
};

export const { create: channelCreateBody, update: channelUpdateBody } = writeBodies(
  "Channel",
  { create: createChannelInput.shape, update: updateChannelInput.shape },
  prose,
);

const channelShape = {
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(channelKinds),
  url: z.string().nullable().meta({ description: "the receiver URL with its credentials masked" }),
  to: z.string().nullable(),
  recipients: z
    .array(
      z.strictObject({
        email: z.string(),
        confirmed: z.boolean(),
        confirmation_sent_at: nullableTimestamp(),
      }),
    )
    .nullable()
    .meta({ description: "email only: each address and whether it clicked its confirmation link" }),
  status: z.enum(["working", "failing", "unconfirmed", "disabled"]).meta({
    description: "unconfirmed: an email address has not confirmed yet and is mailed nothing",
  }),
  header_names: z.array(z.string()),
  enabled: z.boolean(),
  is_default: z.boolean(),
  has_secret: z.boolean(),
  failing: z.boolean().meta({ description: "3 or more failed attempts in a row" }),
  consecutive_failures: z.int(),
  last_error: z.string().nullable(),
  last_delivered_at: nullableTimestamp(),
  created_at: timestamp(),
  updated_at: timestamp(),
};
const channelSchema = z.strictObject(channelShape).meta({ id: "Channel" });
export type ChannelJson = z.infer<typeof channelSchema>;
const channelCreatedSchema = z
  .strictObject({
    ...channelShape,
    secret: z.string().optional().meta({ description: "webhook only: shown this once" }),
  })
  .meta({ id: "ChannelCreated" });

const alertMessageSchema = z
  .strictObject({
    id: z.uuid(),
    channel_id: z.uuid(),
    channel_name: z.string(),
    kind: z.enum(["alert", "reminder", "test"]),
    subject_kind: z.enum(subjectKinds).nullable(),
    subject_id: z.uuid().nullable(),
    delivery: z.string().meta({ description: "X-Vigil-Delivery: <newest flip id>.<channel id>" }),
    flip_ids: z.array(z.uuid()).meta({ description: "every flip this message carries (folded)" }),
    summary: z.string(),
    text: z.string(),
    status: z.enum(alertMessageStatuses),
    attempts: z.int(),
    last_error: z.string().nullable(),
    next_attempt_at: nullableTimestamp(),
    created_at: timestamp(),
    delivered_at: nullableTimestamp(),
  })
  .meta({ id: "AlertMessage" });
export type AlertMessageJson = z.infer<typeof alertMessageSchema>;

const testResultSchema = z
  .strictObject({
    delivered: z.boolean(),
    error: z.string().nullable(),
    message_id: z.uuid(),
  })
  .meta({ id: "TestResult" });

const confirmationsSchema = z
  .strictObject({
    confirmations: z.array(
      z.strictObject({
        email: z.string(),
        error: z.string().nullable().meta({ description: "null: sent" }),
      }),
    ),
  })
  .meta({ id: "ConfirmationsSent" });

export const channelPaths: ZodOpenApiPathsObject = {
  ...resourcePaths({
    path: "/channels",
    one: { schema: channelSchema, name: "The channel" },
    bodies: { create: channelCreateBody, update: channelUpdateBody },
    list: {
      summary: "List notification channels",
      description: "All channels",
    },
    create: "Add a channel (a webhook's secret is in this answer only)",
    created: channelCreatedSchema,
    get: "Get a channel",
    patch: "Change a channel (partial; a new secret replaces the old one)",
    delete: "Delete a channel and its delivery log",
  }),
  "/channels/{id}/test": {
    post: {
      summary: "Send a test notification now; the answer says whether the receiver took it",
      requestParams: { path: idParams },
      responses: {
        "200": answer("The result", testResultSchema),
        ...writeErrors(),
        ...errors([429], {
          429: "More than 5 tests a minute for this channel; Retry-After says when to retry",
        }),
      },
    },
  },
  "/channels/{id}/resend-confirmation": {
    post: {
      summary: "Mail each unconfirmed address of an email channel a new confirmation link",
      requestParams: { path: idParams },
      responses: {
        "200": answer("What happened to each mail", confirmationsSchema),
        ...writeErrors(),
        ...errors([409, 429], {
          409: "Every address has confirmed",
          429: "A link went out less than 5 minutes ago; Retry-After says when",
        }),
      },
    },
  },
  "/channels/{id}/messages": {
    get: {
      summary: "The channel's delivery log, newest first",
      requestParams: { path: idParams, query: limitQuery },
      responses: {
        "200": answer("Messages", listOf("messages", alertMessageSchema, "AlertMessageList")),
        ...readErrors(),
      },
    },
  },
};
