import { apiKeys } from "@/db/schema";
import type { ServiceCtx, WorkspaceCtx } from "@/server/services/context";
import {
  displayPrefix,
  generateApiKey,
  hashApiKey,
} from "@/server/services/api-keys/api-key-format";
import {
  apiKeyColumns,
  type ApiKeyView,
  type CreateApiKeyInput,
} from "@/server/services/api-keys/api-key-view";
import { ownerWorkspaceCtx } from "@/server/services/api-keys/owner-workspace";
import { badInput } from "@/server/services/errors";
import { formatDateTime, UTC_READER } from "@/server/domain/format/date-time";

export type { CreateApiKeyInput };

export type CreatedApiKey = ApiKeyView & { key: string; workspaceId: string };

/** Issues a key for the workspace; the key itself is returned this once and never stored. */
export async function createWorkspaceApiKey({
  ctx,
  input,
}: {
  ctx: WorkspaceCtx;
  input: CreateApiKeyInput & { notAfter?: Date | null };
}): Promise<CreatedApiKey> {
  // Parsed by the adapter; an unset scope is the column's default (write).
  const { name, scope, expiresAt } = input;
  const expires = expiresAt ? new Date(expiresAt) : null;
  if (expires && expires.getTime() <= ctx.now().getTime())
    throw badInput("expires_at", "expires_at: Expiry date must be in the future");
  // A key made with an expiring key expires no later, or expiry and revocation could be undone.
  const { notAfter } = input;
  if (notAfter && (!expires || expires.getTime() > notAfter.getTime()))
    throw badInput(
      "expires_at",
      `expires_at: Expiry date must be no later than ${formatDateTime(notAfter, UTC_READER, { seconds: true })}, when the key you are using expires`,
    );
  const key = generateApiKey();
  const [row] = await ctx.db
    .insert(apiKeys)
    .values({
      workspaceId: ctx.workspaceId,
      createdBy: ctx.actor.userId,
      name,
      scope,
      expiresAt: expires,
      prefix: displayPrefix(key),
      keyHash: hashApiKey(key),
      createdAt: ctx.now(),
    })
    .returning(apiKeyColumns);
  if (!row) throw new Error("api key insert returned no row");
  return { ...row, key, workspaceId: ctx.workspaceId };
}

/** The operator CLI's form: a key for the first workspace the user with this email owns. */
export async function createApiKey({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: Omit<CreateApiKeyInput, "name"> & { email: string; name?: string };
}): Promise<CreatedApiKey> {
  const { email, ...rest } = input;
  return createWorkspaceApiKey({
    ctx: await ownerWorkspaceCtx({ ctx, input: { email } }),
    input: { ...rest, name: rest.name ?? "CLI key" },
  });
}
