import { apiRoute } from "@/server/http/api-v1/respond";
import { revokeApiKey } from "@/server/services/api-keys/revoke-api-key";

export const dynamic = "force-dynamic";

export const DELETE = apiRoute(async ({ ctx, params }) => {
  await revokeApiKey({ ctx, input: { id: params.id ?? "" } });
  return new Response(null, { status: 204 });
});
