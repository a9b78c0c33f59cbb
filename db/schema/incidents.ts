import { boolean, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { flips } from "@/db/schema/flips";
import { subjectKinds } from "@/server/domain/subjects/subject-kind";
import { monitors } from "@/db/schema/monitors";
import { heartbeats } from "@/db/schema/heartbeats";
import { incidentImpacts, incidentStatuses } from "@/server/domain/incidents/incident-rules";

/**
 * An outage. Automatic ones are opened by the flip into down and resolved by the flip out of it
 * (subject columns set, one per outage); manual ones are opened by a person, their subjects are in
 * incident_subjects and the flip columns stay null.
 */
export const incidents = pgTable(
  "incidents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id").notNull(),
    automatic: boolean("automatic").notNull().default(true),
    subjectKind: text("subject_kind", { enum: subjectKinds }),
    monitorId: uuid("monitor_id").references(() => monitors.id, { onDelete: "cascade" }),
    heartbeatId: uuid("heartbeat_id").references(() => heartbeats.id, { onDelete: "cascade" }),
    openedByFlipId: uuid("opened_by_flip_id").references(() => flips.id, { onDelete: "cascade" }),
    resolvedByFlipId: uuid("resolved_by_flip_id").references(() => flips.id, {
      onDelete: "set null",
    }),
    cause: text("cause"),
    // Null on an automatic incident: its title is derived from the subject.
    title: text("title"),
    status: text("status", { enum: incidentStatuses }).notNull().default("investigating"),
    // Null: derived from the subjects' impacts (manual) or the outage (automatic).
    impact: text("impact", { enum: incidentImpacts }),
    postmortem: text("postmortem"),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
  },
  (t) => [
    index("incidents_monitor_started_idx").on(t.monitorId, t.startedAt),
    index("incidents_workspace_started_idx").on(t.workspaceId, t.startedAt),
    index("incidents_heartbeat_started_idx").on(t.heartbeatId, t.startedAt),
  ],
);

export type Incident = typeof incidents.$inferSelect;
