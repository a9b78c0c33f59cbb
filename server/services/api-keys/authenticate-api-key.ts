import { and, eq, isNull, lte, or } from "drizzle-orm";
import { apiKeys, type ApiKeyScope } from "@/db/schema";
import type { ServiceCtx } from "@/server/services/context";
import { ServiceError } from "@/server/services/errors";
import { API_KEY_PREFIX, hashApiKey } from "@/server/services/api-keys/api-key-format";

export type ApiKeyAuth = {
  apiKeyId: string;
  workspaceId: string;
  userId: string | null;
  scope: ApiKeyScope;
  expiresAt: Date | null;
};

/** `last_used_at` is written at most this often per key, not on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;

const unauthorized = (message: string) => new ServiceError("UNAUTHORIZED", message);

/**
 * Resolves a Bearer key to its workspace and scope with one query, and no cache: a revoked key
 * fails on its next request on every node. A missing, unknown, revoked or expired key is an
 * UNAUTHORIZED error saying which.
 */
export async function authenticateApiKey({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { key: string | null | undefined };
}): Promise<ApiKeyAuth> {
  const { key } = input;
  if (!key) throw unauthorized("missing API key: send Authorization: Bearer <key>");
  if (!key.startsWith(API_KEY_PREFIX) || key.length > 200) throw unauthorized("invalid API key");
  const [row] = await ctx.db
    .select({
      id: apiKeys.id,
      workspaceId: apiKeys.workspaceId,
      createdBy: apiKeys.createdBy,
      scope: apiKeys.scope,
      expiresAt: apiKeys.expiresAt,
      lastUsedAt: apiKeys.lastUsedAt,
    })
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, hashApiKey(key)), isNull(apiKeys.revokedAt)))
    .limit(1);
  if (!row) throw unauthorized("invalid API key");
  const now = ctx.now();
  if (row.expiresAt && row.expiresAt.getTime() <= now.getTime())
    throw unauthorized("API key expired");
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS)
    await touchLastUsed(ctx, row.id, now);
  return {
    apiKeyId: row.id,
    workspaceId: row.workspaceId,
    userId: row.createdBy,
    scope: row.scope,
    expiresAt: row.expiresAt,
  };
}

// Compare-and-swap on the old value: of several nodes seeing the same stale time, one writes.
async function touchLastUsed(ctx: ServiceCtx, id: string, now: Date) {
  const staleBefore = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  await ctx.db
    .update(apiKeys)
    .set({ lastUsedAt: now })
    .where(
      and(eq(apiKeys.id, id), or(isNull(apiKeys.lastUsedAt), lte(apiKeys.lastUsedAt, staleBefore))),
    );
}
