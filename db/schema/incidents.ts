import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { flips, subjectKinds } from "@/db/schema/flips";
import { monitors } from "@/db/schema/monitors";
import { heartbeats } from "@/db/schema/heartbeats";

/** An outage: opened by the flip into down, resolved by the flip out of it. */
export const incidents = pgTable(
  "incidents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id").notNull(),
    subjectKind: text("subject_kind", { enum: subjectKinds }).notNull(),
    monitorId: uuid("monitor_id").references(() => monitors.id, { onDelete: "cascade" }),
    heartbeatId: uuid("heartbeat_id").references(() => heartbeats.id, { onDelete: "cascade" }),
    openedByFlipId: uuid("opened_by_flip_id")
      .notNull()
      .references(() => flips.id, { onDelete: "cascade" }),
    resolvedByFlipId: uuid("resolved_by_flip_id").references(() => flips.id, {
      onDelete: "set null",
    }),
    cause: text("cause"),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
  },
  (t) => [
    index("incidents_monitor_started_idx").on(t.monitorId, t.startedAt),
    index("incidents_workspace_started_idx").on(t.workspaceId, t.startedAt),
    index("incidents_heartbeat_started_idx").on(t.heartbeatId, t.startedAt),
  ],
);
