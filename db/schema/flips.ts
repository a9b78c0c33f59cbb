import { bigserial, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { monitors } from "@/db/schema/monitors";
import { heartbeats } from "@/db/schema/heartbeats";
import { subjectKinds, type SubjectKind } from "@/server/domain/subjects/subject-kind";

export type { SubjectKind };

/** Every state change of a subject; uptime, incidents, alerts and live updates all come from here. */
export const flips = pgTable(
  "flips",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // Commit order, for flips that share a timestamp (a pause and a resume in one millisecond).
    seq: bigserial("seq", { mode: "number" }).notNull(),
    workspaceId: uuid("workspace_id").notNull(),
    subjectKind: text("subject_kind", { enum: subjectKinds }).notNull(),
    monitorId: uuid("monitor_id").references(() => monitors.id, { onDelete: "cascade" }),
    heartbeatId: uuid("heartbeat_id").references(() => heartbeats.id, { onDelete: "cascade" }),
    fromStatus: text("from_status").notNull(),
    toStatus: text("to_status").notNull(),
    reason: text("reason"),
    at: timestamp("at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("flips_monitor_at_idx").on(t.monitorId, t.at),
    index("flips_workspace_at_idx").on(t.workspaceId, t.at),
    index("flips_heartbeat_at_idx").on(t.heartbeatId, t.at),
  ],
);

export type FlipRow = typeof flips.$inferSelect;
