import { integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { monitors } from "@/db/schema/monitors";

export const rollupBuckets = ["hour", "day"] as const;

export const checkRollups = pgTable(
  "check_rollups",
  {
    monitorId: uuid("monitor_id")
      .notNull()
      .references(() => monitors.id, { onDelete: "cascade" }),
    bucket: text("bucket", { enum: rollupBuckets }).notNull(),
    bucketStart: timestamp("bucket_start", { withTimezone: true }).notNull(),
    checks: integer("checks").notNull(),
    failures: integer("failures").notNull(),
    p50Ms: integer("p50_ms"),
    p95Ms: integer("p95_ms"),
  },
  (t) => [primaryKey({ columns: [t.monitorId, t.bucket, t.bucketStart] })],
);
