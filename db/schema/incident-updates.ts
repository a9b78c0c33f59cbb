import { index, pgTable, uuid } from "drizzle-orm/pg-core";
import { incidents } from "@/db/schema/incidents";
import { incidentStatuses } from "@/server/domain/incidents/incident-rules";
import { writtenUpdateColumns } from "@/db/schema/written-updates";

/** What a person wrote on an incident: its status at that moment and a plain-text message. */
export const incidentUpdates = pgTable(
  "incident_updates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    incidentId: uuid("incident_id")
      .notNull()
      .references(() => incidents.id, { onDelete: "cascade" }),
    ...writtenUpdateColumns(incidentStatuses),
  },
  (t) => [index("incident_updates_incident_created_idx").on(t.incidentId, t.createdAt)],
);

export type IncidentUpdate = typeof incidentUpdates.$inferSelect;
