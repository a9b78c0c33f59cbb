import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import { apiKeys, memberships } from "@/db/schema";
import type { ServiceCtx } from "@/server/services/context";
import {
  displayPrefix,
  generateApiKey,
  hashApiKey,
} from "@/server/services/api-keys/api-key-format";
import { findUserByEmail } from "@/server/services/users/find-user-by-email";
import { normaliseEmail } from "@/server/services/users/email";
import { notFound } from "@/server/services/errors";

export const createApiKeyInput = z.object({
  email: z.string(),
  name: z.string().trim().min(1).max(100).default("CLI key"),
});
export type CreateApiKeyInput = z.input<typeof createApiKeyInput>;

export type CreatedApiKey = { id: string; key: string; prefix: string; workspaceId: string };

/** Issues an API key for the owner's first workspace; the key itself is returned once, never stored. */
export async function createApiKey({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: CreateApiKeyInput;
}): Promise<CreatedApiKey> {
  const { email, name } = createApiKeyInput.parse(input);
  const user = await findUserByEmail(ctx.db, normaliseEmail(email));
  if (!user) throw notFound(`no user with email ${email.trim().toLowerCase()}`);
  const [membership] = await ctx.db
    .select({ workspaceId: memberships.workspaceId })
    .from(memberships)
    .where(and(eq(memberships.userId, user.id), eq(memberships.role, "owner")))
    .orderBy(asc(memberships.createdAt))
    .limit(1);
  if (!membership) throw notFound(`${user.email} owns no workspace`);
  const key = generateApiKey();
  const [row] = await ctx.db
    .insert(apiKeys)
    .values({
      workspaceId: membership.workspaceId,
      createdBy: user.id,
      name,
      prefix: displayPrefix(key),
      keyHash: hashApiKey(key),
    })
    .returning({ id: apiKeys.id, prefix: apiKeys.prefix });
  if (!row) throw new Error("api key insert returned no row");
  return { id: row.id, key, prefix: row.prefix, workspaceId: membership.workspaceId };
}
