import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { workspaces } from "@/db/schema/workspaces";
import { monitorStatuses } from "@/server/domain/monitors/monitor-state";

export const httpMethods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type HttpMethod = (typeof httpMethods)[number];

export const monitors = pgTable(
  "monitors",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    url: text("url").notNull(),
    method: text("method", { enum: httpMethods }).notNull().default("GET"),
    headers: jsonb("headers").$type<Record<string, string>>().notNull().default({}),
    body: text("body"),
    acceptedStatusCodes: jsonb("accepted_status_codes")
      .$type<string[]>()
      .notNull()
      .default(["200-399"]),
    maxRedirects: integer("max_redirects").notNull().default(10),
    timeoutSecs: integer("timeout_secs").notNull().default(10),
    keyword: text("keyword"),
    keywordMustBeAbsent: boolean("keyword_must_be_absent").notNull().default(false),
    degradedAfterMs: integer("degraded_after_ms"),
    /** Conditions every check must meet, in Gatus syntax (Tickstem assertions are stored as these). */
    conditions: jsonb("conditions").$type<string[]>().notNull().default([]),
    intervalSecs: integer("interval_secs").notNull().default(60),
    retryIntervalSecs: integer("retry_interval_secs").notNull().default(20),
    confirmations: integer("confirmations").notNull().default(2),
    status: text("status", { enum: monitorStatuses }).notNull().default("pending"),
    consecutiveFailures: integer("consecutive_failures").notNull().default(0),
    statusChangedAt: timestamp("status_changed_at", { withTimezone: true }).notNull().defaultNow(),
    lastCheckedAt: timestamp("last_checked_at", { withTimezone: true }),
    lastResponseMs: integer("last_response_ms"),
    lastStatusCode: integer("last_status_code"),
    lastError: text("last_error"),
    tlsCertExpiresAt: timestamp("tls_cert_expires_at", { withTimezone: true }),
    nextCheckAt: timestamp("next_check_at", { withTimezone: true }).notNull().defaultNow(),
    // A check in flight holds a lease; only its holder may record the result.
    leaseToken: uuid("lease_token"),
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    /** Alerts: on the flip into an outage, on recovery, and a reminder every N hours while down. */
    alertOnDown: boolean("alert_on_down").notNull().default(true),
    alertOnRecovery: boolean("alert_on_recovery").notNull().default(true),
    reminderHours: integer("reminder_hours"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("monitors_workspace_id_idx").on(t.workspaceId),
    index("monitors_next_check_at_idx").on(t.nextCheckAt),
  ],
);

export type Monitor = typeof monitors.$inferSelect;
