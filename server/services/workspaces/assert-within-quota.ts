import { count, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { channels, heartbeats, monitors, statusPages, workspaces } from "@/db/schema";
import { ServiceError } from "@/server/services/errors";
import {
  quotaLimit,
  quotaReachedMessage,
  type QuotaKind,
  type QuotaLimits,
} from "@/server/domain/workspaces/quotas";

const TABLES = { monitors, heartbeats, statusPages, channels } as const;

/**
 * Refuses (FORBIDDEN) one more `kind` in a full workspace. Call it inside the create's transaction:
 * it locks the workspace row, so parallel creates take turns and cannot both take the last slot.
 */
export async function assertWithinQuota(
  tx: DbOrTx,
  workspaceId: string,
  kind: QuotaKind,
  defaults: QuotaLimits,
): Promise<void> {
  // NO KEY UPDATE queues the creates behind each other without blocking foreign-key checks.
  const [workspace] = await tx
    .select({ quotas: workspaces.quotas })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId))
    .for("no key update");
  const limit = quotaLimit(kind, workspace?.quotas ?? {}, defaults);
  const table = TABLES[kind];
  const [row] = await tx
    .select({ n: count() })
    .from(table)
    .where(eq(table.workspaceId, workspaceId));
  if ((row?.n ?? 0) >= limit) throw new ServiceError("FORBIDDEN", quotaReachedMessage(kind, limit));
}
