import { createDocument } from "zod-openapi";
import { apiKeyPaths } from "./api-keys";
import { channelPaths } from "./channels";
import { heartbeatPaths } from "./heartbeats";
import { maintenancePaths } from "./maintenances";
import { monitorPaths } from "./monitors";
import { statusPagePaths } from "./status-pages";
import { incidentPaths } from "./incidents";

const DESCRIPTION = `Uptime monitors, heartbeats, status pages and alert channels of one workspace.

Authenticate with \`Authorization: Bearer <key>\`, a key from Settings → API keys or \`npx vigil apikey:create\`. A read-only key may only GET (anything else is 403).

Every error is JSON \`{"error": "…"}\` with a 4xx status: 400 invalid input (the message names the field), 401 missing or bad key, 403 read-only key or a workspace limit reached, 404 not found or not in this workspace, 409 conflict, 413 body over 256 KiB, 429 too many requests (Retry-After says when). Fields are snake_case; a field a resource does not have is refused by name.`;

const cache = new Map<string, ReturnType<typeof createDocument>>();

/** The OpenAPI 3.1 document of REST API v1, generated from the schemas that parse and shape it. */
export function openApiDocument(serverUrl = "/api/v1") {
  const cached = cache.get(serverUrl);
  if (cached) return cached;
  const document = createDocument({
    openapi: "3.1.0",
    info: { title: "Vigil REST API", version: "1", description: DESCRIPTION },
    servers: [{ url: serverUrl }],
    security: [{ bearer: [] }],
    components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
    paths: {
      ...monitorPaths,
      ...heartbeatPaths,
      ...statusPagePaths,
      ...channelPaths,
      ...apiKeyPaths,
      ...maintenancePaths,
      ...incidentPaths,
    },
  });
  cache.set(serverUrl, document);
  return document;
}
