import { z } from "zod";
import type { ServiceCtx } from "@/server/services/context";
import { setWorkspaceQuotas } from "@/server/services/workspaces/set-workspace-quotas";
import { describeQuotas } from "@/server/domain/workspaces/quotas";

// Typed by the operator as text; parsed again by the server that runs it, as a number or null.
const limit = z
  .union(
    [
      z.number().int().min(0).max(1_000_000),
      z.null(),
      z
        .string()
        .regex(/^(\d{1,7}|default)$/)
        .transform((v) => (v === "default" ? null : Number(v))),
    ],
    { error: "must be a whole number (up to 1000000) or default" },
  )
  .optional();

export const quotaRequest = z.object({
  command: z.literal("workspace:quota"),
  email: z.string(),
  monitors: limit,
  heartbeats: limit,
  statusPages: limit,
  channels: limit,
});
type QuotaRequest = z.infer<typeof quotaRequest>;

/** `workspace:quota`: raises (or lowers, or resets) one workspace's limits and prints them. */
export async function runQuotaCommand(ctx: ServiceCtx, request: QuotaRequest) {
  const { email, command: _command, ...changes } = request;
  const set = await setWorkspaceQuotas({ ctx, input: { email, changes } });
  return {
    stderr: `Workspace "${set.workspaceName}" (${set.workspaceId}) limits: ${describeQuotas(set.quotas)} (default: the VIGIL_QUOTA_* settings).`,
  };
}
