import { eq } from "drizzle-orm";
import { workspaces, type WorkspaceQuotas } from "@/db/schema";
import type { ServiceCtx } from "@/server/services/context";
import { notFound } from "@/server/services/errors";
import { ownerWorkspaceCtx } from "@/server/services/api-keys/owner-workspace";
import { quotaKinds, type QuotaKind } from "@/server/domain/workspaces/quotas";

/** A new limit per kind: a number, `null` to go back to the instance default, absent to keep it. */
export type QuotaChanges = Partial<Record<QuotaKind, number | null>>;

/**
 * The operator sets (or, with no changes, shows) the limits of the first workspace the user with
 * this email owns. Existing monitors and the like above a lowered limit stay; only new ones are refused.
 */
export async function setWorkspaceQuotas({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { email: string; changes: QuotaChanges };
}): Promise<{ workspaceId: string; workspaceName: string; quotas: WorkspaceQuotas }> {
  const { workspaceId } = await ownerWorkspaceCtx({ ctx, input: { email: input.email } });
  return ctx.db.transaction(async (tx) => {
    const [current] = await tx
      .select({ name: workspaces.name, quotas: workspaces.quotas })
      .from(workspaces)
      .where(eq(workspaces.id, workspaceId))
      .for("no key update");
    if (!current) throw notFound("workspace not found");
    const quotas: WorkspaceQuotas = { ...current.quotas };
    for (const kind of quotaKinds) {
      const change = input.changes[kind];
      if (change === null) delete quotas[kind];
      else if (change !== undefined) quotas[kind] = change;
    }
    if (quotaKinds.some((kind) => input.changes[kind] !== undefined))
      await tx
        .update(workspaces)
        .set({ quotas, updatedAt: ctx.now() })
        .where(eq(workspaces.id, workspaceId));
    return { workspaceId, workspaceName: current.name, quotas };
  });
}
