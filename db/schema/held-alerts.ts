import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { flips } from "@/db/schema/flips";
import { subjectKinds } from "@/server/domain/subjects/subject-kind";
import { maintenances } from "@/db/schema/maintenances";

/**
 * A flip whose alert a maintenance window held back (written instead of its outbox rows). When
 * the window ends (`release_at`, moved when the window is ended early or extended) the subject is
 * looked at once: still down → the flip's alert is queued then; otherwise dropped. `released_at`
 * marks it handled, so it is sent at most once.
 */
export const heldAlerts = pgTable(
  "held_alerts",
  {
    flipId: uuid("flip_id")
      .primaryKey()
      .references(() => flips.id, { onDelete: "cascade" }),
    workspaceId: uuid("workspace_id").notNull(),
    maintenanceId: uuid("maintenance_id").references(() => maintenances.id, {
      onDelete: "set null",
    }),
    subjectKind: text("subject_kind", { enum: subjectKinds }).notNull(),
    subjectId: uuid("subject_id").notNull(),
    releaseAt: timestamp("release_at", { withTimezone: true }).notNull(),
    releasedAt: timestamp("released_at", { withTimezone: true }),
  },
  (t) => [
    index("held_alerts_release_idx").on(t.releasedAt, t.releaseAt),
    index("held_alerts_subject_idx").on(t.subjectId),
  ],
);

export type HeldAlert = typeof heldAlerts.$inferSelect;
