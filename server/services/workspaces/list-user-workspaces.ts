import { asc, eq } from "drizzle-orm";
import { memberships, workspaces } from "@/db/schema";
import type { MembershipRole } from "@/db/schema";
import type { ServiceCtx } from "@/server/services/context";

export type WorkspaceMembership = { id: string; name: string; role: MembershipRole };

/** The workspaces a user belongs to, personal (oldest) first. */
export async function listUserWorkspaces({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { userId: string };
}): Promise<WorkspaceMembership[]> {
  return ctx.db
    .select({ id: workspaces.id, name: workspaces.name, role: memberships.role })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(eq(memberships.userId, input.userId))
    .orderBy(asc(memberships.createdAt), asc(workspaces.id))
    .prepare("user_workspaces")
    .execute();
}
