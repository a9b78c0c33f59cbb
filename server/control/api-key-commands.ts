import { z } from "zod";
import type { ServiceCtx } from "@/server/services/context";
import { createApiKey } from "@/server/services/api-keys/create-api-key";
import { listApiKeys } from "@/server/services/api-keys/list-api-keys";
import { revokeApiKey } from "@/server/services/api-keys/revoke-api-key";
import { ownerWorkspaceCtx } from "@/server/services/api-keys/owner-workspace";
import { createApiKeyInput, type ApiKeyView } from "@/server/services/api-keys/api-key-view";
import { parseInput } from "@/server/services/parse-input";
import { formatDateTime } from "@/server/domain/format/date-time";

export const apiKeyRequests = [
  z.object({
    command: z.literal("apikey:create"),
    email: z.string(),
    name: z.string().optional(),
    scope: z.string().optional(),
    expiresAt: z.string().optional(),
  }),
  z.object({ command: z.literal("apikey:list"), email: z.string() }),
  z.object({
    command: z.literal("apikey:revoke"),
    email: z.string(),
    id: z.string().optional(),
    prefix: z.string().optional(),
  }),
] as const;
type ApiKeyRequest = z.infer<(typeof apiKeyRequests)[number]>;

const day = (d: Date | null) => (d ? d.toISOString().replace(/\.\d{3}Z$/, "Z") : "-");

function table(keys: ApiKeyView[]): string {
  const rows = [
    ["ID", "PREFIX", "SCOPE", "CREATED", "LAST USED", "EXPIRES", "NAME"],
    ...keys.map((k) => [
      k.id,
      k.prefix,
      k.scope,
      day(k.createdAt),
      day(k.lastUsedAt),
      day(k.expiresAt),
      k.name,
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows
    .map((r) =>
      r
        .map((c, i) => c.padEnd(widths[i]!))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

/** apikey:create, apikey:list and apikey:revoke, acting as the owner of the first workspace. */
export async function runApiKeyCommand(ctx: ServiceCtx, request: ApiKeyRequest) {
  switch (request.command) {
    case "apikey:create": {
      const settings = parseInput(createApiKeyInput, {
        name: request.name ?? "CLI key",
        scope: request.scope,
        expiresAt: request.expiresAt,
      });
      const created = await createApiKey({ ctx, input: { email: request.email, ...settings } });
      return {
        stderr: `Created a ${created.scope} API key ${created.prefix}… for workspace ${created.workspaceId}${created.expiresAt ? `, expiring ${formatDateTime(created.expiresAt)}` : ""}; it is shown only once, on the next line:`,
        stdout: created.key,
      };
    }
    case "apikey:list": {
      const keys = await listApiKeys({
        ctx: await ownerWorkspaceCtx({ ctx, input: { email: request.email } }),
      });
      return keys.length
        ? { stderr: `${keys.length} API key${keys.length === 1 ? "" : "s"}:`, stdout: table(keys) }
        : { stderr: "There are no API keys." };
    }
    case "apikey:revoke": {
      const { id, prefix } = request;
      const revoked = await revokeApiKey({
        ctx: await ownerWorkspaceCtx({ ctx, input: { email: request.email } }),
        input: id ? { id } : { prefix: prefix ?? "" },
      });
      return {
        stderr: `API key ${revoked.prefix}… (${revoked.id}) revoked; it is refused from its next request on.`,
      };
    }
  }
}
