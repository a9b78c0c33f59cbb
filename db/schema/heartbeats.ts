import {
  boolean,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { workspaces } from "@/db/schema/workspaces";
import { heartbeatStatuses, pingKinds } from "@/server/domain/heartbeats/heartbeat-state";

export const heartbeats = pgTable(
  "heartbeats",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** The secret in the ping URL: 192 random bits, base64url. */
    token: text("token").notNull(),
    intervalSecs: integer("interval_secs"),
    schedule: text("schedule"),
    tz: text("tz").notNull().default("UTC"),
    graceSecs: integer("grace_secs").notNull().default(60),
    maxRuntimeSecs: integer("max_runtime_secs"),
    status: text("status", { enum: heartbeatStatuses }).notNull().default("new"),
    statusChangedAt: timestamp("status_changed_at", { withTimezone: true }).notNull().defaultNow(),
    consecutiveMisses: integer("consecutive_misses").notNull().default(0),
    lastPingedAt: timestamp("last_pinged_at", { withTimezone: true }),
    lastSuccessAt: timestamp("last_success_at", { withTimezone: true }),
    lastDurationMs: integer("last_duration_ms"),
    runningSince: timestamp("running_since", { withTimezone: true }),
    runningRid: uuid("running_rid"),
    /** next_expected_at: when the heartbeat becomes late without a success ping. */
    deadline: timestamp("deadline", { withTimezone: true }),
    /** When the state machine must look again without a ping (late, missing, a run too long). */
    alarmAt: timestamp("alarm_at", { withTimezone: true }),
    /** Bumped by every write: the ping fast path compares and swaps on it. */
    version: integer("version").notNull().default(0),
    /** Alerts: on the flip into an outage, on recovery, and a reminder every N hours while down. */
    alertOnDown: boolean("alert_on_down").notNull().default(true),
    alertOnRecovery: boolean("alert_on_recovery").notNull().default(true),
    reminderHours: integer("reminder_hours"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("heartbeats_token_idx").on(t.token),
    index("heartbeats_workspace_id_idx").on(t.workspaceId),
    index("heartbeats_alarm_at_idx").on(t.alarmAt),
  ],
);

export type Heartbeat = typeof heartbeats.$inferSelect;

export const pings = pgTable(
  "pings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    heartbeatId: uuid("heartbeat_id")
      .notNull()
      .references(() => heartbeats.id, { onDelete: "cascade" }),
    workspaceId: uuid("workspace_id").notNull(),
    pingedAt: timestamp("pinged_at", { withTimezone: true }).notNull(),
    kind: text("kind", { enum: pingKinds }).notNull(),
    exitStatus: integer("exit_status"),
    rid: uuid("rid"),
    body: text("body"),
    truncated: boolean("truncated").notNull().default(false),
    sourceIp: text("source_ip"),
    userAgent: text("user_agent"),
    durationMs: integer("duration_ms"),
  },
  (t) => [index("pings_heartbeat_pinged_idx").on(t.heartbeatId, t.pingedAt)],
);

export type PingRow = typeof pings.$inferSelect;
