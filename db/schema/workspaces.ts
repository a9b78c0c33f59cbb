import { boolean, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** Per-workspace limits raised by the operator; a missing key takes the instance default. */
export type WorkspaceQuotas = {
  monitors?: number;
  heartbeats?: number;
  statusPages?: number;
  channels?: number;
};

export const workspaces = pgTable("workspaces", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  /** Under VIGIL_ALLOW_PRIVATE_TARGETS=owner: may check loopback, private and metadata addresses. */
  allowPrivateTargets: boolean("allow_private_targets").notNull().default(false),
  quotas: jsonb("quotas").$type<WorkspaceQuotas>().notNull().default({}),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export type Workspace = typeof workspaces.$inferSelect;
