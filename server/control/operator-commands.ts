import { z } from "zod";
import type { ServiceCtx } from "@/server/services/context";
import { createUser } from "@/server/services/users/create-user";
import { resetPassword } from "@/server/services/users/reset-password";
import { apiKeyRequests, runApiKeyCommand } from "@/server/control/api-key-commands";
import { setPrivateTargets } from "@/server/services/workspaces/set-private-targets";
import { quotaRequest, runQuotaCommand } from "@/server/control/quota-commands";

export const operatorRequest = z.discriminatedUnion("command", [
  z.object({
    command: z.literal("user:create"),
    email: z.string(),
    password: z.string(),
    name: z.string().optional(),
  }),
  z.object({ command: z.literal("user:reset-password"), email: z.string(), password: z.string() }),
  ...apiKeyRequests,
  z.object({
    command: z.literal("workspace:allow-private"),
    email: z.string(),
    revoke: z.boolean().default(false),
  }),
  quotaRequest,
]);
export type OperatorRequest = z.infer<typeof operatorRequest>;

/** What a command reports: `stdout` is for scripts (the API key alone), `stderr` for people. */
export type OperatorResult = { stdout?: string; stderr: string };

/** Runs one operator command against a database, in the CLI or inside the running server. */
export async function runOperatorCommand(
  ctx: ServiceCtx,
  request: OperatorRequest,
): Promise<OperatorResult> {
  switch (request.command) {
    case "user:create": {
      const { user, workspace, isInstanceOwner } = await createUser({ ctx, input: request });
      return {
        stderr: `Created user ${user.email} (${user.id}) with workspace "${workspace.name}"${isInstanceOwner ? "; they are the instance owner" : ""}.`,
      };
    }
    case "user:reset-password": {
      await resetPassword({ ctx, input: request });
      return {
        stderr: `Password changed for ${request.email.trim().toLowerCase()}; their other sessions are signed out.`,
      };
    }
    case "apikey:create":
    case "apikey:list":
    case "apikey:revoke":
      return runApiKeyCommand(ctx, request);
    case "workspace:allow-private": {
      const allow = !request.revoke;
      const { workspaceName } = await setPrivateTargets({
        ctx,
        input: { email: request.email, allow },
      });
      return {
        stderr: `Workspace "${workspaceName}" ${allow ? "may now" : "may no longer"} check private addresses.`,
      };
    }
    case "workspace:quota":
      return runQuotaCommand(ctx, request);
  }
}
