import type { ApiKeyView } from "@/server/services/api-keys/api-key-view";
import { apiKeyCreateBody, type ApiKeyJson } from "@/server/http/api-v1/schemas/api-keys";
import { parseBody, toIso } from "@/server/http/api-v1/schemas/shape";

/** A key as REST API v1 shows it: the key itself only in the create answer, the hash never. */
export const apiKeyJson = (k: ApiKeyView): ApiKeyJson => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  scope: k.scope,
  created_at: k.createdAt.toISOString(),
  expires_at: toIso(k.expiresAt),
  last_used_at: toIso(k.lastUsedAt),
});

export const parseCreateApiKey = (body: unknown) => parseBody(apiKeyCreateBody, body);
