import { text, timestamp, uuid } from "drizzle-orm/pg-core";

/** The columns of what a person wrote on an incident or a maintenance, after its id and parent. */
export const writtenUpdateColumns = <U extends string, S extends Readonly<[U, ...U[]]>>(
  statuses: S,
) => ({
  workspaceId: uuid("workspace_id").notNull(),
  status: text("status", { enum: statuses }).notNull(),
  body: text("body").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  editedAt: timestamp("edited_at", { withTimezone: true }),
});
