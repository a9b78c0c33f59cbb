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
import { monitors } from "@/db/schema/monitors";
import { heartbeats } from "@/db/schema/heartbeats";
import { subjectKinds } from "@/server/domain/subjects/subject-kind";

export const statusPageVisibilities = ["public", "private"] as const;
export type StatusPageVisibility = (typeof statusPageVisibilities)[number];

/** A page at /status/<slug> showing a workspace's monitors and heartbeats. */
export const statusPages = pgTable(
  "status_pages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    // Unique across the instance: the slug is the page's public address.
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    // Private unless told otherwise: nothing is published by accident.
    visibility: text("visibility", { enum: statusPageVisibilities }).notNull().default("private"),
    // Off: a heartbeat's failed runs stay out of the public history (its state still shows).
    showJobFailures: boolean("show_job_failures").notNull().default(true),
    // Off: a monitor or heartbeat created later starts hidden on this page.
    autoAddSubjects: boolean("auto_add_subjects").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("status_pages_slug_idx").on(t.slug),
    index("status_pages_workspace_idx").on(t.workspaceId),
  ],
);

/**
 * Per-page overrides for one subject: hidden, or a position. Every subject of the workspace is on
 * every page of it unless a row here hides it, so new monitors and heartbeats appear by themselves.
 */
export const statusPageItems = pgTable(
  "status_page_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    statusPageId: uuid("status_page_id")
      .notNull()
      .references(() => statusPages.id, { onDelete: "cascade" }),
    subjectKind: text("subject_kind", { enum: subjectKinds }).notNull(),
    monitorId: uuid("monitor_id").references(() => monitors.id, { onDelete: "cascade" }),
    heartbeatId: uuid("heartbeat_id").references(() => heartbeats.id, { onDelete: "cascade" }),
    hidden: boolean("hidden").notNull().default(false),
    // Ascending; subjects without a position follow, by name.
    position: integer("position"),
  },
  (t) => [
    uniqueIndex("status_page_items_monitor_idx").on(t.statusPageId, t.monitorId),
    uniqueIndex("status_page_items_heartbeat_idx").on(t.statusPageId, t.heartbeatId),
  ],
);

export type StatusPage = typeof statusPages.$inferSelect;
export type StatusPageItem = typeof statusPageItems.$inferSelect;
