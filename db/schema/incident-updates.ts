import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { incidents } from "@/db/schema/incidents";
import { incidentStatuses } from "@/server/domain/incidents/incident-rules";

/** What a person wrote on an incident: its status at that moment and a plain-text message. */
export const incidentUpdates = pgTable(
  "incident_updates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    incidentId: uuid("incident_id")
      .notNull()
      .references(() => incidents.id, { onDelete: "cascade" }),
    workspaceId: uuid("workspace_id").notNull(),
    status: text("status", { enum: incidentStatuses }).notNull(),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    editedAt: timestamp("edited_at", { withTimezone: true }),
  },
  (t) => [index("incident_updates_incident_created_idx").on(t.incidentId, t.createdAt)],
);

export type IncidentUpdate = typeof incidentUpdates.$inferSelect;
