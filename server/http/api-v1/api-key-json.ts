import type { ApiKeyView } from "@/server/services/api-keys/api-key-view";
import { createApiKeyInput } from "@/server/services/api-keys/api-key-view";
import { parseWith, writableFields } from "@/server/http/api-v1/respond";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A key as REST API v1 shows it: the key itself only in the create answer, the hash never. */
export const apiKeyJson = (k: ApiKeyView) => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  scope: k.scope,
  created_at: k.createdAt.toISOString(),
  expires_at: iso(k.expiresAt),
  last_used_at: iso(k.lastUsedAt),
});

export const parseCreateApiKey = (body: unknown) =>
  parseWith(createApiKeyInput, writableFields(body, ["name", "scope", "expires_at"]));
