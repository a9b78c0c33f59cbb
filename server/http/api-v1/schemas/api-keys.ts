import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { createApiKeyInput } from "@/server/services/api-keys/api-key-view";
import { apiKeyScopes } from "@/server/domain/auth/api-key-scope";
import { describe, listOf, nullableTimestamp, snakeShape, timestamp } from "./shape";
import { answer, errors, idParams, noContent, writeErrors, jsonBody } from "./common";

export const apiKeyCreateBody = z
  .strictObject(
    describe(snakeShape(createApiKeyInput.shape), {
      scope: "read: GET and HEAD only (anything else is 403); write (the default): everything",
      expires_at: "in the future; after it the key gets 401 API key expired",
    }),
  )
  .meta({ id: "ApiKeyCreate" });

const apiKeyShape = {
  id: z.uuid(),
  name: z.string(),
  prefix: z.string().meta({ description: "the key's first characters, to recognise it" }),
  scope: z.enum(apiKeyScopes),
  created_at: timestamp(),
  expires_at: nullableTimestamp(),
  last_used_at: nullableTimestamp("updated at most once a minute"),
};
const apiKeySchema = z.strictObject(apiKeyShape).meta({ id: "ApiKey" });
export type ApiKeyJson = z.infer<typeof apiKeySchema>;
const apiKeyCreatedSchema = z
  .strictObject({
    ...apiKeyShape,
    key: z.string().meta({ description: "the key itself: shown this once, never again" }),
  })
  .meta({ id: "ApiKeyCreated" });

export const apiKeyPaths: ZodOpenApiPathsObject = {
  "/api-keys": {
    get: {
      summary: "List the workspace's API keys (never the keys themselves)",
      responses: {
        "200": answer(
          "Keys not revoked, newest first",
          listOf("api_keys", apiKeySchema, "ApiKeyList"),
        ),
        ...errors([401]),
      },
    },
    post: {
      summary: "Create an API key (needs a write key); the answer holds the key, once",
      requestBody: jsonBody(apiKeyCreateBody),
      responses: { "201": answer("Created", apiKeyCreatedSchema), ...errors([400, 401, 403, 413]) },
    },
  },
  "/api-keys/{id}": {
    delete: {
      summary: "Revoke an API key (needs a write key); it gets 401 from its next request on",
      requestParams: { path: idParams },
      responses: { "204": noContent("Revoked"), ...writeErrors() },
    },
  },
};
