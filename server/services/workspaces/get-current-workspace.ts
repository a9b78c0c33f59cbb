import type { ServiceCtx } from "@/server/services/context";
import {
  listUserWorkspaces,
  type WorkspaceMembership,
} from "@/server/services/workspaces/list-user-workspaces";
import { ServiceError } from "@/server/services/errors";

/** The workspace a signed-in user acts in: the requested one if they belong to it, else their first. */
export async function getCurrentWorkspace({
  ctx,
  input = {},
}: {
  ctx: ServiceCtx & { actor: { userId: string } };
  input?: { requestedId?: string | null };
}): Promise<WorkspaceMembership & { all: WorkspaceMembership[] }> {
  const all = await listUserWorkspaces({ ctx, input: { userId: ctx.actor.userId } });
  const current = all.find((w) => w.id === input.requestedId) ?? all[0];
  if (!current) throw new ServiceError("FORBIDDEN", "you are not a member of any workspace");
  return { ...current, all };
}
