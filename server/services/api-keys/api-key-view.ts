import { z } from "zod";
import { TEXT_LIMITS } from "@/server/domain/validation/field-labels";
import { apiKeys } from "@/db/schema";
import { apiKeyScopes } from "@/server/domain/auth/api-key-scope";

export const createApiKeyInput = z.object({
  name: z.string().trim().min(1, "must not be empty").max(TEXT_LIMITS.name),
  scope: z.enum(apiKeyScopes, { error: "must be read or write" }).default("write"),
  expiresAt: z.iso
    .datetime({ offset: true, error: "must be an ISO 8601 time such as 2027-01-31T00:00:00Z" })
    .nullish(),
});
export type CreateApiKeyInput = z.input<typeof createApiKeyInput>;

/** What anyone may see of a key: never the key, never its hash. */
export const apiKeyColumns = {
  id: apiKeys.id,
  name: apiKeys.name,
  prefix: apiKeys.prefix,
  scope: apiKeys.scope,
  createdAt: apiKeys.createdAt,
  expiresAt: apiKeys.expiresAt,
  lastUsedAt: apiKeys.lastUsedAt,
};

export type ApiKeyView = {
  id: string;
  name: string;
  prefix: string;
  scope: (typeof apiKeyScopes)[number];
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
};
