import { and, asc, eq } from "drizzle-orm";
import { memberships } from "@/db/schema";
import type { ServiceCtx, WorkspaceCtx } from "@/server/services/context";
import { findUserByEmail } from "@/server/services/users/find-user-by-email";
import { normaliseEmail, noUserWithEmail, ownsNoWorkspace } from "@/server/services/users/email";

/** The operator CLI acts as a user by email, in the first workspace that user owns. */
export async function ownerWorkspaceCtx({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { email: string };
}): Promise<WorkspaceCtx> {
  const { email } = input;
  const user = await findUserByEmail(ctx.db, normaliseEmail(email));
  if (!user) throw noUserWithEmail(email);
  const [membership] = await ctx.db
    .select({ workspaceId: memberships.workspaceId })
    .from(memberships)
    .where(and(eq(memberships.userId, user.id), eq(memberships.role, "owner")))
    .orderBy(asc(memberships.createdAt))
    .limit(1);
  if (!membership) throw ownsNoWorkspace(user.email);
  return { ...ctx, actor: { userId: user.id }, workspaceId: membership.workspaceId };
}
