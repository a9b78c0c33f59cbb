import { apiRoute, readJson } from "@/server/http/api-v1/respond";
import { apiKeyJson, parseCreateApiKey } from "@/server/http/api-v1/api-key-json";
import { createWorkspaceApiKey } from "@/server/services/api-keys/create-api-key";
import { listApiKeys } from "@/server/services/api-keys/list-api-keys";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async ({ ctx }) =>
  Response.json({ api_keys: (await listApiKeys({ ctx })).map(apiKeyJson) }),
);

export const POST = apiRoute(async ({ req, ctx, apiKey }) => {
  const created = await createWorkspaceApiKey({
    ctx,
    input: { ...parseCreateApiKey(await readJson(req)), notAfter: apiKey.expiresAt },
  });
  // The only time the key is shown.
  return Response.json({ ...apiKeyJson(created), key: created.key }, { status: 201 });
});
