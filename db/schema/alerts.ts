import {
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { channels } from "@/db/schema/channels";
import { flips } from "@/db/schema/flips";
import { monitors } from "@/db/schema/monitors";
import { heartbeats } from "@/db/schema/heartbeats";
import { subjectKinds } from "@/server/domain/subjects/subject-kind";
import { alertMessageStatuses } from "@/server/domain/alerts/alert-message-status";

/**
 * One (subject, channel) pair's queue: messages to it go out one at a time, at most one a minute.
 * Workers claim a lane with a lease (FOR UPDATE SKIP LOCKED), so two never compose or send at once.
 */
export const alertLanes = pgTable(
  "alert_lanes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id").notNull(),
    channelId: uuid("channel_id")
      .notNull()
      .references(() => channels.id, { onDelete: "cascade" }),
    subjectKind: text("subject_kind", { enum: subjectKinds }).notNull(),
    subjectId: uuid("subject_id").notNull(),
    monitorId: uuid("monitor_id").references(() => monitors.id, { onDelete: "cascade" }),
    heartbeatId: uuid("heartbeat_id").references(() => heartbeats.id, { onDelete: "cascade" }),
    /** When a worker must look at this lane next; null when it has nothing to send. */
    dueAt: timestamp("due_at", { withTimezone: true }),
    leaseToken: uuid("lease_token"),
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    /** When the last message was delivered: the one-message-a-minute window starts here. */
    lastSentAt: timestamp("last_sent_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("alert_lanes_subject_channel_idx").on(t.subjectId, t.channelId),
    index("alert_lanes_due_at_idx").on(t.dueAt),
  ],
);

export type AlertPayload = {
  title: string;
  text: string;
  /** The exact request body (webhook, Slack, Discord, ntfy) or the email's text and HTML. */
  body: string;
  html?: string;
  headers?: Record<string, string>;
};

/** What was sent to a channel: one message carries one or more flips (folded) or a test. */
export const alertMessages = pgTable(
  "alert_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id").notNull(),
    channelId: uuid("channel_id")
      .notNull()
      .references(() => channels.id, { onDelete: "cascade" }),
    laneId: uuid("lane_id").references(() => alertLanes.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["alert", "reminder", "test"] }).notNull(),
    subjectKind: text("subject_kind", { enum: subjectKinds }),
    monitorId: uuid("monitor_id").references(() => monitors.id, { onDelete: "cascade" }),
    heartbeatId: uuid("heartbeat_id").references(() => heartbeats.id, { onDelete: "cascade" }),
    /** `<newest flip id>.<channel id>`: the receiver's idempotency key, the same on every retry. */
    deliveryKey: text("delivery_key").notNull(),
    flipIds: jsonb("flip_ids").$type<string[]>().notNull().default([]),
    summary: text("summary").notNull(),
    payload: jsonb("payload").$type<AlertPayload>().notNull(),
    status: text("status", { enum: alertMessageStatuses }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
  },
  (t) => [
    index("alert_messages_channel_created_idx").on(t.channelId, t.createdAt),
    index("alert_messages_monitor_created_idx").on(t.monitorId, t.createdAt),
    index("alert_messages_heartbeat_created_idx").on(t.heartbeatId, t.createdAt),
    index("alert_messages_lane_idx").on(t.laneId, t.status),
    // The log's retention walks messages oldest first.
    index("alert_messages_created_idx").on(t.createdAt),
  ],
);

export type AlertMessage = typeof alertMessages.$inferSelect;

/**
 * The outbox: written in the flip's own transaction, one row per (flip, channel[, reminder]).
 * The unique key is what makes "exactly once" hold across nodes, retries and restarts.
 */
export const alertDeliveries = pgTable(
  "alert_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id").notNull(),
    flipId: uuid("flip_id")
      .notNull()
      .references(() => flips.id, { onDelete: "cascade" }),
    channelId: uuid("channel_id")
      .notNull()
      .references(() => channels.id, { onDelete: "cascade" }),
    laneId: uuid("lane_id")
      .notNull()
      .references(() => alertLanes.id, { onDelete: "cascade" }),
    /** 0 for the flip itself, n for the n-th reminder while the subject stays down. */
    reminder: integer("reminder").notNull().default(0),
    messageId: uuid("message_id").references(() => alertMessages.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("alert_deliveries_flip_channel_idx").on(t.flipId, t.channelId, t.reminder),
    index("alert_deliveries_lane_idx").on(t.laneId, t.messageId),
    // Deleting a message finds its outbox rows (and the set-null rule does) by this.
    index("alert_deliveries_message_idx").on(t.messageId),
  ],
);
