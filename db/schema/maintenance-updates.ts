import { index, pgTable, uuid } from "drizzle-orm/pg-core";
import { maintenances } from "@/db/schema/maintenances";
import { writtenUpdateColumns } from "@/db/schema/written-updates";
import { maintenanceUpdateStatuses } from "@/server/domain/maintenance/maintenance-update-status";

/** What a person wrote on a maintenance, in Statuspage's maintenance statuses. */
export const maintenanceUpdates = pgTable(
  "maintenance_updates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    maintenanceId: uuid("maintenance_id")
      .notNull()
      .references(() => maintenances.id, { onDelete: "cascade" }),
    ...writtenUpdateColumns(maintenanceUpdateStatuses),
  },
  (t) => [index("maintenance_updates_maintenance_created_idx").on(t.maintenanceId, t.createdAt)],
);

export type MaintenanceUpdate = typeof maintenanceUpdates.$inferSelect;
