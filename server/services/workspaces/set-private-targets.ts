import { and, asc, eq } from "drizzle-orm";
import { memberships, workspaces } from "@/db/schema";
import type { ServiceCtx } from "@/server/services/context";
import { findUserByEmail } from "@/server/services/users/find-user-by-email";
import { normaliseEmail, noUserWithEmail, ownsNoWorkspace } from "@/server/services/users/email";
import { notFound } from "@/server/services/errors";

/**
 * The operator grants (or takes back) private targets for the first workspace the user with this
 * email owns; it matters under VIGIL_ALLOW_PRIVATE_TARGETS=owner.
 */
export async function setPrivateTargets({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { email: string; allow: boolean };
}): Promise<{ workspaceId: string; workspaceName: string }> {
  const user = await findUserByEmail(ctx.db, normaliseEmail(input.email));
  if (!user) throw noUserWithEmail(input.email);
  const [owned] = await ctx.db
    .select({ id: memberships.workspaceId })
    .from(memberships)
    .where(and(eq(memberships.userId, user.id), eq(memberships.role, "owner")))
    .orderBy(asc(memberships.createdAt))
    .limit(1);
  if (!owned) throw ownsNoWorkspace(user.email);
  const [updated] = await ctx.db
    .update(workspaces)
    .set({ allowPrivateTargets: input.allow, updatedAt: ctx.now() })
    .where(eq(workspaces.id, owned.id))
    .returning({ workspaceId: workspaces.id, workspaceName: workspaces.name });
  if (!updated) throw notFound("workspace not found");
  return updated;
}
