import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { statusPages } from "@/db/schema/status-pages";

/** A short notice across the top of one status page, until it expires or is deleted. */
export const announcements = pgTable(
  "announcements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id").notNull(),
    statusPageId: uuid("status_page_id")
      .notNull()
      .references(() => statusPages.id, { onDelete: "cascade" }),
    body: text("body").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("announcements_page_created_idx").on(t.statusPageId, t.createdAt)],
);

export type Announcement = typeof announcements.$inferSelect;
