import { z } from "zod";
import { httpMethods } from "@/db/schema/monitors";
import { monitorStatuses } from "@/server/domain/monitors/monitor-state";
import { channelKinds } from "@/db/schema/channels";
import { apiKeyScopes } from "@/db/schema/api-keys";

const alertSettings = {
  channel_ids: z
    .array(z.uuid())
    .describe("channels this subject alerts; on create, unset means the default channels"),
  alert_on_down: z.boolean().default(true),
  alert_on_recovery: z.boolean().default(true),
  reminder_hours: z
    .number()
    .int()
    .min(1)
    .max(168)
    .nullable()
    .default(null)
    .describe("remind every N hours while still down"),
};

const monitorWritable = z.object({
  name: z.string().min(1).max(100),
  url: z.string().describe("http:// or https:// URL"),
  method: z.enum(httpMethods).default("GET"),
  headers: z.record(z.string(), z.string()).default({}),
  body: z.string().nullable().default(null),
  accepted_status_codes: z
    .array(z.string())
    .default(["200-399"])
    .describe('codes ("204") or ranges ("200-299")'),
  max_redirects: z.number().int().min(0).max(20).default(10),
  timeout_secs: z.number().int().min(1).max(60).default(10).describe("below interval_secs"),
  keyword: z.string().nullable().default(null),
  keyword_must_be_absent: z.boolean().default(false),
  degraded_after_ms: z.number().int().nullable().default(null),
  interval_secs: z.number().int().min(10).max(86_400).default(60),
  retry_interval_secs: z.number().int().min(10).max(86_400).default(20),
  confirmations: z.number().int().min(1).max(10).default(2),
  paused: z.boolean().default(false),
  ...alertSettings,
});

const monitor = monitorWritable.extend({
  id: z.uuid(),
  status: z.enum(monitorStatuses),
  consecutive_failures: z.number().int(),
  last_checked_at: z.iso.datetime().nullable(),
  last_response_ms: z.number().int().nullable(),
  last_status_code: z.number().int().nullable(),
  last_error: z.string().nullable(),
  tls_cert_expires_at: z.iso.datetime().nullable(),
  next_check_at: z.iso.datetime().nullable(),
  created_at: z.iso.datetime(),
  updated_at: z.iso.datetime(),
});

const check = z.object({
  id: z.uuid(),
  monitor_id: z.uuid(),
  status: z.enum(["up", "down", "timeout"]),
  status_code: z.number().int().nullable(),
  duration_ms: z.number().int(),
  error: z.string().nullable(),
  checked_at: z.iso.datetime(),
});

const heartbeatWritable = z.object({
  name: z.string().min(1).max(100),
  interval_secs: z
    .number()
    .int()
    .min(60)
    .max(2_678_400)
    .nullable()
    .describe("exactly one of interval_secs or schedule"),
  schedule: z.string().nullable().describe("5-field cron expression, in tz"),
  tz: z.string().default("UTC").describe("IANA time zone of the cron schedule"),
  grace_secs: z.number().int().min(0).max(2_678_400).default(60),
  max_runtime_secs: z.number().int().min(10).max(2_678_400).nullable().default(null),
  paused: z.boolean().default(false),
  ...alertSettings,
});

const heartbeat = heartbeatWritable.extend({
  id: z.uuid(),
  token: z.string().describe("the secret in ping_url"),
  ping_url: z.string(),
  status: z.enum(["new", "up", "running", "late", "missing", "failed", "paused"]),
  consecutive_misses: z.number().int(),
  last_pinged_at: z.iso.datetime().nullable(),
  last_success_at: z.iso.datetime().nullable(),
  next_expected_at: z.iso.datetime().nullable(),
  running_since: z.iso.datetime().nullable(),
  last_duration_ms: z.number().int().nullable(),
  created_at: z.iso.datetime(),
  updated_at: z.iso.datetime(),
});

const ping = z.object({
  id: z.uuid(),
  heartbeat_id: z.uuid(),
  pinged_at: z.iso.datetime(),
  kind: z.enum(["success", "start", "fail", "log"]),
  exit_status: z.number().int().nullable(),
  rid: z.uuid().nullable(),
  body: z.string().nullable().describe("first 10,000 bytes"),
  truncated: z.boolean(),
  source_ip: z.string().nullable(),
  user_agent: z.string().nullable(),
  duration_ms: z.number().int().nullable(),
});

const statusPageWritable = z.object({
  slug: z
    .string()
    .min(3)
    .max(48)
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    .describe("unique across the instance; reserved words such as api, admin, new are refused"),
  title: z.string().min(1).max(100),
  description: z.string().max(1000).default(""),
  visibility: z
    .enum(["public", "private"])
    .default("private")
    .describe("private: only members of the workspace, signed in; everyone else gets 404"),
});

const statusPage = statusPageWritable.extend({
  id: z.uuid(),
  url: z.string().describe("the live page, <base URL>/status/<slug>"),
  created_at: z.iso.datetime(),
  updated_at: z.iso.datetime(),
});

const channelWritable = z.object({
  name: z.string().min(1).max(100),
  kind: z.enum(channelKinds),
  url: z.string().nullable().describe("receiver URL (every kind but email)"),
  to: z.string().nullable().describe("email: one or more addresses, comma-separated"),
  headers: z.record(z.string(), z.string()).describe("webhook only; write-only values"),
  secret: z
    .string()
    .min(16)
    .describe("webhook only, write-only: HMAC-SHA256 key (generated when omitted)"),
  enabled: z.boolean().default(true),
  is_default: z
    .boolean()
    .default(false)
    .describe("attached to monitors and heartbeats created after it"),
});

const channel = channelWritable.omit({ secret: true, headers: true }).extend({
  id: z.uuid(),
  header_names: z.array(z.string()),
  has_secret: z.boolean(),
  failing: z.boolean().describe("3 or more failed attempts in a row"),
  status: z
    .enum(["working", "failing", "unconfirmed", "disabled"])
    .describe("unconfirmed: an email address has not confirmed yet and is mailed nothing"),
  recipients: z
    .array(
      z.object({
        email: z.string(),
        confirmed: z.boolean(),
        confirmation_sent_at: z.iso.datetime().nullable(),
      }),
    )
    .nullable()
    .describe("email only: each address and whether it clicked its confirmation link"),
  consecutive_failures: z.number().int(),
  last_error: z.string().nullable(),
  last_delivered_at: z.iso.datetime().nullable(),
  created_at: z.iso.datetime(),
  updated_at: z.iso.datetime(),
});

const statusPageItem = z.object({
  subject_kind: z.enum(["monitor", "heartbeat"]),
  subject_id: z.uuid(),
  name: z.string().describe("read-only"),
  hidden: z.boolean().default(false),
  position: z
    .number()
    .int()
    .min(0)
    .nullable()
    .default(null)
    .describe("ascending; subjects without one follow, by name"),
});
const statusPageItems = z.object({ items: z.array(statusPageItem) });
const statusPageItemsWrite = z.object({ items: z.array(statusPageItem.omit({ name: true })) });

const alertMessage = z.object({
  id: z.uuid(),
  channel_id: z.uuid(),
  channel_name: z.string(),
  kind: z.enum(["alert", "reminder", "test"]),
  subject_kind: z.enum(["monitor", "heartbeat"]).nullable(),
  subject_id: z.uuid().nullable(),
  delivery: z.string().describe("X-Vigil-Delivery: <newest flip id>.<channel id>"),
  flip_ids: z.array(z.uuid()).describe("every flip this message carries (folded)"),
  summary: z.string(),
  text: z.string(),
  status: z.enum(["sending", "retrying", "delivered", "failed"]),
  attempts: z.number().int(),
  last_error: z.string().nullable(),
  next_attempt_at: z.iso.datetime().nullable(),
  created_at: z.iso.datetime(),
  delivered_at: z.iso.datetime().nullable(),
});

const apiKeyWritable = z.object({
  name: z.string().min(1).max(100),
  scope: z
    .enum(apiKeyScopes)
    .default("write")
    .describe("read: GET and HEAD only (anything else is 403); write: everything"),
  expires_at: z.iso
    .datetime()
    .nullable()
    .default(null)
    .describe("in the future; after it the key gets 401 API key expired"),
});

const apiKey = apiKeyWritable.extend({
  id: z.uuid(),
  prefix: z.string().describe("the key's first characters, to recognise it"),
  created_at: z.iso.datetime(),
  last_used_at: z.iso.datetime().nullable().describe("updated at most once a minute"),
});

const error = z.object({ error: z.string() });

const schema = (s: z.ZodType, io: "input" | "output" = "output") =>
  z.toJSONSchema(s, { io, target: "openapi-3.0" });
const json = (ref: string) => ({
  "application/json": { schema: { $ref: `#/components/schemas/${ref}` } },
});
const errors = {
  "400": { description: "Invalid input; the message names the field", content: json("Error") },
  "401": { description: "Missing or bad API key", content: json("Error") },
  "404": { description: "Not found, or not yours", content: json("Error") },
};
const conflict = {
  "409": { description: "Conflict: the slug is taken", content: json("Error") },
};
const readOnly = { description: "This API key is read-only", content: json("Error") };
const quotaReached = {
  description:
    "This API key is read-only, or the workspace has reached its limit (the message names it)",
  content: json("Error"),
};
const idParam = {
  name: "id",
  in: "path",
  required: true,
  schema: { type: "string", format: "uuid" },
};

/** The OpenAPI 3 document of REST API v1, served at /api/v1/openapi.json. */
export function openApiDocument(baseUrl: string) {
  return {
    openapi: "3.0.3",
    info: {
      title: "Vigil REST API",
      version: "1",
      description:
        "Uptime monitors, heartbeats, status pages and alert channels. Authenticate with `Authorization: Bearer <key>`, a key from Settings → API keys or `npx vigil apikey:create`; a read-only key may only GET.",
    },
    servers: [{ url: `${baseUrl}/api/v1` }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
      schemas: {
        Monitor: schema(monitor),
        MonitorCreate: schema(monitorWritable, "input"),
        MonitorUpdate: schema(monitorWritable.partial(), "input"),
        Check: schema(check),
        Heartbeat: schema(heartbeat),
        HeartbeatCreate: schema(
          heartbeatWritable.partial({ interval_secs: true, schedule: true }),
          "input",
        ),
        HeartbeatUpdate: schema(heartbeatWritable.partial(), "input"),
        Ping: schema(ping),
        StatusPage: schema(statusPage),
        StatusPageCreate: schema(
          statusPageWritable.partial({ description: true, visibility: true }),
          "input",
        ),
        StatusPageUpdate: schema(statusPageWritable.partial(), "input"),
        StatusPageItems: schema(statusPageItems),
        StatusPageItemsUpdate: schema(statusPageItemsWrite, "input"),
        Channel: schema(channel),
        ChannelCreated: schema(
          channel.extend({ secret: z.string().describe("webhook only: shown this once") }),
        ),
        ChannelCreate: schema(
          channelWritable.partial({ url: true, to: true, headers: true, secret: true }),
          "input",
        ),
        ChannelUpdate: schema(channelWritable.omit({ kind: true }).partial(), "input"),
        AlertMessage: schema(alertMessage),
        ApiKey: schema(apiKey),
        ApiKeyCreated: schema(
          apiKey.extend({
            key: z.string().describe("the key itself: shown this once, never again"),
          }),
        ),
        ApiKeyCreate: schema(apiKeyWritable.partial({ scope: true, expires_at: true }), "input"),
        Error: schema(error),
      },
    },
    paths: {
      "/monitors": {
        get: {
          summary: "List monitors",
          responses: {
            "200": {
              description: "All monitors",
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    properties: {
                      monitors: { type: "array", items: { $ref: "#/components/schemas/Monitor" } },
                    },
                  },
                },
              },
            },
            "401": errors["401"],
          },
        },
        post: {
          summary: "Create a monitor",
          requestBody: { required: true, content: json("MonitorCreate") },
          responses: {
            "201": { description: "Created", content: json("Monitor") },
            "400": errors["400"],
            "401": errors["401"],
            "403": quotaReached,
            "413": { description: "Body too large", content: json("Error") },
          },
        },
      },
      "/monitors/{id}": {
        parameters: [idParam],
        get: {
          summary: "Get a monitor",
          responses: { "200": { description: "The monitor", content: json("Monitor") }, ...errors },
        },
        patch: {
          summary: "Change a monitor (partial)",
          requestBody: { required: true, content: json("MonitorUpdate") },
          responses: { "200": { description: "The monitor", content: json("Monitor") }, ...errors },
        },
        delete: {
          summary: "Delete a monitor and its history",
          responses: { "204": { description: "Deleted" }, ...errors },
        },
      },
      "/monitors/{id}/pause": {
        parameters: [idParam],
        post: {
          summary: "Pause checks",
          responses: { "200": { description: "The monitor", content: json("Monitor") }, ...errors },
        },
      },
      "/monitors/{id}/resume": {
        parameters: [idParam],
        post: {
          summary: "Resume checks (from pending)",
          responses: { "200": { description: "The monitor", content: json("Monitor") }, ...errors },
        },
      },
      "/heartbeats": {
        get: {
          summary: "List heartbeats",
          responses: {
            "200": {
              description: "All heartbeats",
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    properties: {
                      heartbeats: {
                        type: "array",
                        items: { $ref: "#/components/schemas/Heartbeat" },
                      },
                    },
                  },
                },
              },
            },
            "401": errors["401"],
          },
        },
        post: {
          summary: "Create a heartbeat (the answer has its token and ping_url)",
          requestBody: { required: true, content: json("HeartbeatCreate") },
          responses: {
            "201": { description: "Created", content: json("Heartbeat") },
            "400": errors["400"],
            "401": errors["401"],
            "403": quotaReached,
          },
        },
      },
      "/heartbeats/{id}": {
        parameters: [idParam],
        get: {
          summary: "Get a heartbeat",
          responses: {
            "200": { description: "The heartbeat", content: json("Heartbeat") },
            ...errors,
          },
        },
        patch: {
          summary: "Change a heartbeat (partial)",
          requestBody: { required: true, content: json("HeartbeatUpdate") },
          responses: {
            "200": { description: "The heartbeat", content: json("Heartbeat") },
            ...errors,
          },
        },
        delete: {
          summary: "Delete a heartbeat; its ping URL answers 404 from then on",
          responses: { "204": { description: "Deleted" }, ...errors },
        },
      },
      "/heartbeats/{id}/pause": {
        parameters: [idParam],
        post: {
          summary: "Pause (no late or missing while paused)",
          responses: {
            "200": { description: "The heartbeat", content: json("Heartbeat") },
            ...errors,
          },
        },
      },
      "/heartbeats/{id}/resume": {
        parameters: [idParam],
        post: {
          summary: "Resume with a fresh period",
          responses: {
            "200": { description: "The heartbeat", content: json("Heartbeat") },
            ...errors,
          },
        },
      },
      "/heartbeats/{id}/pings": {
        parameters: [
          idParam,
          {
            name: "limit",
            in: "query",
            schema: {
              type: "integer",
              minimum: 1,
              default: 50,
              description: "above 1000 is served as 1000",
            },
          },
        ],
        get: {
          summary: "Recent pings, newest first",
          responses: {
            "200": {
              description: "Pings",
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    properties: {
                      pings: { type: "array", items: { $ref: "#/components/schemas/Ping" } },
                    },
                  },
                },
              },
            },
            ...errors,
          },
        },
      },
      "/heartbeats/{token}/ping": {
        parameters: [{ name: "token", in: "path", required: true, schema: { type: "string" } }],
        post: {
          summary:
            "Report a successful run (no API key: the token is the credential). Also: GET|POST|HEAD /ping/{token}[/start|/fail|/log|/{exit status 0-255}][?rid=uuid] at the server root.",
          security: [],
          responses: {
            "200": {
              description: "OK, after the ping is committed",
              content: { "text/plain": { schema: { type: "string", example: "OK" } } },
            },
            "404": {
              description: "not found (unknown or deleted token)",
              content: { "text/plain": { schema: { type: "string" } } },
            },
          },
        },
      },
      "/api-keys": {
        get: {
          summary: "List the workspace's API keys (never the keys themselves)",
          responses: {
            "200": {
              description: "Keys not revoked, newest first",
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    properties: {
                      api_keys: { type: "array", items: { $ref: "#/components/schemas/ApiKey" } },
                    },
                  },
                },
              },
            },
            "401": errors["401"],
          },
        },
        post: {
          summary: "Create an API key (needs a write key); the answer holds the key, once",
          requestBody: { required: true, content: json("ApiKeyCreate") },
          responses: {
            "201": { description: "Created", content: json("ApiKeyCreated") },
            "400": errors["400"],
            "401": errors["401"],
            "403": readOnly,
          },
        },
      },
      "/api-keys/{id}": {
        parameters: [idParam],
        delete: {
          summary: "Revoke an API key (needs a write key); it gets 401 from its next request on",
          responses: { "204": { description: "Revoked" }, ...errors, "403": readOnly },
        },
      },
      "/channels": {
        get: {
          summary: "List notification channels",
          responses: {
            "200": {
              description: "All channels",
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    properties: {
                      channels: { type: "array", items: { $ref: "#/components/schemas/Channel" } },
                    },
                  },
                },
              },
            },
            "401": errors["401"],
          },
        },
        post: {
          summary: "Add a channel (a webhook's secret is in this answer only)",
          requestBody: { required: true, content: json("ChannelCreate") },
          responses: {
            "201": { description: "Created", content: json("ChannelCreated") },
            "400": errors["400"],
            "401": errors["401"],
            "403": quotaReached,
          },
        },
      },
      "/channels/{id}": {
        parameters: [idParam],
        get: {
          summary: "Get a channel",
          responses: { "200": { description: "The channel", content: json("Channel") }, ...errors },
        },
        patch: {
          summary: "Change a channel (partial; a new secret replaces the old one)",
          requestBody: { required: true, content: json("ChannelUpdate") },
          responses: { "200": { description: "The channel", content: json("Channel") }, ...errors },
        },
        delete: {
          summary: "Delete a channel and its delivery log",
          responses: { "204": { description: "Deleted" }, ...errors },
        },
      },
      "/channels/{id}/test": {
        parameters: [idParam],
        post: {
          summary: "Send a test notification now; the answer says whether the receiver took it",
          responses: {
            "200": {
              description: "The result",
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    properties: {
                      delivered: { type: "boolean" },
                      error: { type: "string", nullable: true },
                      message_id: { type: "string", format: "uuid" },
                    },
                  },
                },
              },
            },
            ...errors,
            "429": {
              description:
                "More than 5 tests a minute for this channel; Retry-After says when to retry",
              content: json("Error"),
            },
          },
        },
      },
      "/channels/{id}/resend-confirmation": {
        parameters: [idParam],
        post: {
          summary: "Mail each unconfirmed address of an email channel a new confirmation link",
          responses: {
            "200": {
              description: "What happened to each mail (error null: sent)",
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    properties: {
                      confirmations: {
                        type: "array",
                        items: {
                          type: "object",
                          properties: {
                            email: { type: "string" },
                            error: { type: "string", nullable: true },
                          },
                        },
                      },
                    },
                  },
                },
              },
            },
            ...errors,
            "409": { description: "Every address has confirmed", content: json("Error") },
            "429": {
              description: "A link went out less than 5 minutes ago; Retry-After says when",
              content: json("Error"),
            },
          },
        },
      },
      "/channels/{id}/messages": {
        parameters: [
          idParam,
          {
            name: "limit",
            in: "query",
            schema: {
              type: "integer",
              minimum: 1,
              default: 50,
              description: "above 1000 is served as 1000",
            },
          },
        ],
        get: {
          summary: "The channel's delivery log, newest first",
          responses: {
            "200": {
              description: "Messages",
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    properties: {
                      messages: {
                        type: "array",
                        items: { $ref: "#/components/schemas/AlertMessage" },
                      },
                    },
                  },
                },
              },
            },
            ...errors,
          },
        },
      },
      "/monitors/{id}/checks": {
        parameters: [
          idParam,
          {
            name: "limit",
            in: "query",
            schema: {
              type: "integer",
              minimum: 1,
              default: 50,
              description: "above 1000 is served as 1000",
            },
          },
        ],
        get: {
          summary: "Recent check results, newest first",
          responses: {
            "200": {
              description: "Checks",
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    properties: {
                      checks: { type: "array", items: { $ref: "#/components/schemas/Check" } },
                    },
                  },
                },
              },
            },
            ...errors,
          },
        },
      },
      "/status-pages": {
        get: {
          summary: "List status pages, newest first",
          responses: {
            "200": {
              description: "All status pages of the workspace",
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    properties: {
                      status_pages: {
                        type: "array",
                        items: { $ref: "#/components/schemas/StatusPage" },
                      },
                    },
                  },
                },
              },
            },
            "401": errors["401"],
          },
        },
        post: {
          summary:
            "Create a status page (private unless visibility says otherwise); every monitor and heartbeat shows on it",
          requestBody: { required: true, content: json("StatusPageCreate") },
          responses: {
            "201": { description: "Created", content: json("StatusPage") },
            "400": errors["400"],
            "401": errors["401"],
            "403": quotaReached,
            "409": conflict["409"],
          },
        },
      },
      "/status-pages/{id}": {
        parameters: [idParam],
        get: {
          summary: "Get a status page",
          responses: {
            "200": { description: "The status page", content: json("StatusPage") },
            ...errors,
          },
        },
        patch: {
          summary: "Change a status page (partial); a new slug frees the old one",
          requestBody: { required: true, content: json("StatusPageUpdate") },
          responses: {
            "200": { description: "The status page", content: json("StatusPage") },
            ...errors,
            "409": conflict["409"],
          },
        },
        delete: {
          summary: "Delete a status page; its slug is free again",
          responses: { "204": { description: "Deleted" }, ...errors },
        },
      },
      "/status-pages/{id}/items": {
        parameters: [idParam],
        get: {
          summary:
            "Every monitor and heartbeat of the workspace with this page's override, in page order",
          responses: {
            "200": { description: "The page's subjects", content: json("StatusPageItems") },
            ...errors,
          },
        },
        put: {
          summary:
            "Replace the page's overrides (hidden, position); subjects not listed are shown, after the positioned ones",
          requestBody: { required: true, content: json("StatusPageItemsUpdate") },
          responses: {
            "200": { description: "The page's subjects", content: json("StatusPageItems") },
            ...errors,
          },
        },
      },
    },
  };
}
