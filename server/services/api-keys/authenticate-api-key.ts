import { and, eq, isNull } from "drizzle-orm";
import { apiKeys } from "@/db/schema";
import type { ServiceCtx } from "@/server/services/context";
import { API_KEY_PREFIX, hashApiKey } from "@/server/services/api-keys/api-key-format";

/** Resolves a Bearer key to its workspace, or null for a missing, unknown or revoked key. */
export async function authenticateApiKey({
  ctx,
  key,
}: {
  ctx: ServiceCtx;
  key: string | null | undefined;
}): Promise<{ apiKeyId: string; workspaceId: string; userId: string | null } | null> {
  if (!key?.startsWith(API_KEY_PREFIX) || key.length > 200) return null;
  const [row] = await ctx.db
    .select({ id: apiKeys.id, workspaceId: apiKeys.workspaceId, createdBy: apiKeys.createdBy })
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, hashApiKey(key)), isNull(apiKeys.revokedAt)))
    .limit(1);
  if (!row) return null;
  return { apiKeyId: row.id, workspaceId: row.workspaceId, userId: row.createdBy };
}
