import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { workspaces } from "@/db/schema/workspaces";

/**
 * Planned work: a one-off window (starts_at, ends_at) or a recurring one (5-field cron `schedule`
 * in the IANA zone `tz`, each occurrence lasting `duration_secs`). Its status is derived from the
 * time, cancelled_at and ended_early_at.
 */
export const maintenances = pgTable(
  "maintenances",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    body: text("body").notNull().default(""),
    startsAt: timestamp("starts_at", { withTimezone: true }),
    endsAt: timestamp("ends_at", { withTimezone: true }),
    schedule: text("schedule"),
    durationSecs: integer("duration_secs"),
    tz: text("tz"),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    endedEarlyAt: timestamp("ended_early_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("maintenances_workspace_idx").on(t.workspaceId, t.startsAt)],
);

/**
 * The windows that ran or are running: one row for a one-off, one per occurrence of a recurring
 * one (written when it starts). Uptime and held alerts read these fixed rows, so editing a
 * schedule later does not rewrite the past; ending early or extending changes only this row.
 */
export const maintenanceWindows = pgTable(
  "maintenance_windows",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    maintenanceId: uuid("maintenance_id")
      .notNull()
      .references(() => maintenances.id, { onDelete: "cascade" }),
    workspaceId: uuid("workspace_id").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    // One row per occurrence: two nodes noticing the same start write it once.
    uniqueIndex("maintenance_windows_maintenance_idx").on(t.maintenanceId, t.startsAt),
    index("maintenance_windows_workspace_idx").on(t.workspaceId, t.endsAt),
  ],
);

export type Maintenance = typeof maintenances.$inferSelect;
export type MaintenanceWindow = typeof maintenanceWindows.$inferSelect;
