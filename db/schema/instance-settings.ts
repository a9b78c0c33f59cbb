import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Instance-wide values shared by every node (e.g. a generated auth secret on PostgreSQL). */
export const instanceSettings = pgTable("instance_settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
