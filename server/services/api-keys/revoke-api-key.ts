import { and, eq, isNull } from "drizzle-orm";
import { apiKeys } from "@/db/schema";
import type { WorkspaceCtx } from "@/server/services/context";
import { conflict, notFound } from "@/server/services/errors";
import { isUuid } from "@/server/services/ids";

export type RevokeApiKeyInput = { id: string } | { prefix: string };

/**
 * Revokes a key by id (or, for the CLI, by its shown prefix). Every node checks keys in the
 * database on each request, so the key is refused from its next request on, everywhere.
 */
export async function revokeApiKey({
  ctx,
  input,
}: {
  ctx: WorkspaceCtx;
  input: RevokeApiKeyInput;
}): Promise<{ id: string; prefix: string }> {
  const live = and(eq(apiKeys.workspaceId, ctx.workspaceId), isNull(apiKeys.revokedAt));
  let id: string;
  if ("id" in input) {
    if (!isUuid(input.id)) throw notFound("API key not found");
    id = input.id;
  } else {
    const matches = await ctx.db
      .select({ id: apiKeys.id })
      .from(apiKeys)
      .where(and(live, eq(apiKeys.prefix, input.prefix)))
      .limit(2);
    if (matches.length > 1)
      throw conflict(
        `prefix: Prefix ${input.prefix} matches several API keys; revoke the one you mean by its id`,
        "prefix",
      );
    const [match] = matches;
    if (!match) throw notFound("API key not found");
    id = match.id;
  }
  const [revoked] = await ctx.db
    .update(apiKeys)
    .set({ revokedAt: ctx.now() })
    .where(and(live, eq(apiKeys.id, id)))
    .returning({ id: apiKeys.id, prefix: apiKeys.prefix });
  if (!revoked) throw notFound("API key not found");
  return revoked;
}
