import { index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { subjectKinds } from "@/server/domain/subjects/subject-kind";
import { monitors } from "@/db/schema/monitors";
import { heartbeats } from "@/db/schema/heartbeats";
import { maintenances } from "@/db/schema/maintenances";

/** A monitor or heartbeat a maintenance covers: under maintenance, and not alerted, in its windows. */
export const maintenanceSubjects = pgTable(
  "maintenance_subjects",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    maintenanceId: uuid("maintenance_id")
      .notNull()
      .references(() => maintenances.id, { onDelete: "cascade" }),
    workspaceId: uuid("workspace_id").notNull(),
    subjectKind: text("subject_kind", { enum: subjectKinds }).notNull(),
    monitorId: uuid("monitor_id").references(() => monitors.id, { onDelete: "cascade" }),
    heartbeatId: uuid("heartbeat_id").references(() => heartbeats.id, { onDelete: "cascade" }),
  },
  (t) => [
    uniqueIndex("maintenance_subjects_monitor_idx").on(t.maintenanceId, t.monitorId),
    uniqueIndex("maintenance_subjects_heartbeat_idx").on(t.maintenanceId, t.heartbeatId),
    index("maintenance_subjects_monitor_only_idx").on(t.monitorId),
    index("maintenance_subjects_heartbeat_only_idx").on(t.heartbeatId),
  ],
);

export type MaintenanceSubject = typeof maintenanceSubjects.$inferSelect;
