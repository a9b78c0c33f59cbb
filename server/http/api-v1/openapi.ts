import { z } from "zod";
import { httpMethods } from "@/db/schema/monitors";
import { monitorStatuses } from "@/server/domain/monitors/monitor-state";

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
        "Uptime monitors (and, as they land, heartbeats and status pages). Authenticate with `Authorization: Bearer <key>` from `npx vigil apikey:create`.",
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
    },
  };
}
