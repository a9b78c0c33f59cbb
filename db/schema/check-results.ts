import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { monitors } from "@/db/schema/monitors";
import { checkStatuses } from "@/server/domain/monitors/check-status";

/** Raw results, kept for response-time charts; rolled up and pruned after the retention window. */
export const checkResults = pgTable(
  "check_results",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    monitorId: uuid("monitor_id")
      .notNull()
      .references(() => monitors.id, { onDelete: "cascade" }),
    workspaceId: uuid("workspace_id").notNull(),
    status: text("status", { enum: checkStatuses }).notNull(),
    statusCode: integer("status_code"),
    durationMs: integer("duration_ms").notNull(),
    error: text("error"),
    errorKind: text("error_kind"),
    tlsCertExpiresAt: timestamp("tls_cert_expires_at", { withTimezone: true }),
    checkedAt: timestamp("checked_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("check_results_monitor_checked_idx").on(t.monitorId, t.checkedAt),
    index("check_results_checked_at_idx").on(t.checkedAt),
  ],
);
