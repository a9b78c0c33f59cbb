/** `read` keys may only GET; `write` keys may do anything the API allows. */
export const apiKeyScopes = ["read", "write"] as const;
export type ApiKeyScope = (typeof apiKeyScopes)[number];
