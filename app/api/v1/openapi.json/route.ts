import { getRuntime } from "@/server/runtime";
import { openApiDocument } from "@/server/http/api-v1/schemas/document";

export const dynamic = "force-dynamic";

export function GET(): Response {
  return Response.json(openApiDocument(`${getRuntime().config.baseUrl}/api/v1`));
}
