import { sql } from "drizzle-orm";
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { channels } from "@/db/schema/channels";

/**
 * An email channel's recipient must click a link before the channel mails them, so Vigil cannot
 * be used to mail strangers. Only a hash of the link's token is stored.
 */
export const emailConfirmations = pgTable(
  "email_confirmations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id").notNull(),
    channelId: uuid("channel_id")
      .notNull()
      .references(() => channels.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    tokenHash: text("token_hash").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("email_confirmations_token_idx").on(t.tokenHash),
    uniqueIndex("email_confirmations_channel_email_idx").on(t.channelId, sql`lower(${t.email})`),
    index("email_confirmations_workspace_idx").on(t.workspaceId),
  ],
);
