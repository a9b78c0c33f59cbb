import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { workspaces } from "@/db/schema/workspaces";
import { monitors } from "@/db/schema/monitors";
import { heartbeats } from "@/db/schema/heartbeats";
import { channelKinds, type ChannelKind } from "@/server/domain/alerts/channel-kind";

export type { ChannelKind };

export type ChannelSettings = {
  /** Receiver URL (every kind but email). */
  url?: string;
  /** Recipient addresses (email). */
  to?: string;
  /** Extra request headers (webhook). */
  headers?: Record<string, string>;
};

/** Where alerts go: one receiver (a webhook URL, a Slack hook, an address…) of one workspace. */
export const channels = pgTable(
  "channels",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    kind: text("kind", { enum: channelKinds }).notNull(),
    settings: jsonb("settings").$type<ChannelSettings>().notNull().default({}),
    /** Webhook signing secret: write-only, shown once at creation. */
    secret: text("secret"),
    enabled: boolean("enabled").notNull().default(true),
    isDefault: boolean("is_default").notNull().default(false),
    /** Failed attempts since the last delivered message: the dashboard flags a failing channel. */
    consecutiveFailures: integer("consecutive_failures").notNull().default(0),
    lastError: text("last_error"),
    lastDeliveredAt: timestamp("last_delivered_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("channels_workspace_id_idx").on(t.workspaceId)],
);

export type Channel = typeof channels.$inferSelect;

/** Which channels a monitor or heartbeat alerts. */
export const subjectChannels = pgTable(
  "subject_channels",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id").notNull(),
    channelId: uuid("channel_id")
      .notNull()
      .references(() => channels.id, { onDelete: "cascade" }),
    /** The monitor's or heartbeat's id (one unique key for both kinds). */
    subjectId: uuid("subject_id").notNull(),
    monitorId: uuid("monitor_id").references(() => monitors.id, { onDelete: "cascade" }),
    heartbeatId: uuid("heartbeat_id").references(() => heartbeats.id, { onDelete: "cascade" }),
  },
  (t) => [
    uniqueIndex("subject_channels_subject_channel_idx").on(t.subjectId, t.channelId),
    index("subject_channels_channel_idx").on(t.channelId),
  ],
);
