import { index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { subjectKinds } from "@/server/domain/subjects/subject-kind";
import { monitors } from "@/db/schema/monitors";
import { heartbeats } from "@/db/schema/heartbeats";
import { incidents } from "@/db/schema/incidents";
import { subjectImpacts } from "@/server/domain/incidents/incident-rules";

/** A subject a person declared affected by a manual incident, and how badly. */
export const incidentSubjects = pgTable(
  "incident_subjects",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    incidentId: uuid("incident_id")
      .notNull()
      .references(() => incidents.id, { onDelete: "cascade" }),
    workspaceId: uuid("workspace_id").notNull(),
    subjectKind: text("subject_kind", { enum: subjectKinds }).notNull(),
    monitorId: uuid("monitor_id").references(() => monitors.id, { onDelete: "cascade" }),
    heartbeatId: uuid("heartbeat_id").references(() => heartbeats.id, { onDelete: "cascade" }),
    impact: text("impact", { enum: subjectImpacts }).notNull(),
  },
  (t) => [
    uniqueIndex("incident_subjects_monitor_idx").on(t.incidentId, t.monitorId),
    uniqueIndex("incident_subjects_heartbeat_idx").on(t.incidentId, t.heartbeatId),
    index("incident_subjects_monitor_only_idx").on(t.monitorId),
    index("incident_subjects_heartbeat_only_idx").on(t.heartbeatId),
  ],
);

export type IncidentSubject = typeof incidentSubjects.$inferSelect;
