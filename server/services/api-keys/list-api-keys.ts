import { and, desc, eq, isNull } from "drizzle-orm";
import { apiKeys } from "@/db/schema";
import type { WorkspaceCtx } from "@/server/services/context";
import { apiKeyColumns, type ApiKeyView } from "@/server/services/api-keys/api-key-view";

/** The workspace's live (not revoked) keys, newest first; expired ones stay listed until revoked. */
export const listApiKeys = async ({ ctx }: { ctx: WorkspaceCtx }): Promise<ApiKeyView[]> =>
  ctx.db
    .select(apiKeyColumns)
    .from(apiKeys)
    .where(and(eq(apiKeys.workspaceId, ctx.workspaceId), isNull(apiKeys.revokedAt)))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
