import { eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { workspaces } from "@/db/schema";
import type { PolicyCtx } from "@/server/services/context";
import { badInput } from "@/server/services/errors";
import { mayTargetPrivate, type PrivateTargetPolicy } from "@/server/domain/instance/access-policy";
import { privateTargetReason } from "@/server/checks/http/screen-target";

/** Whether this workspace may contact private addresses under the policy. */
export async function workspaceMayTargetPrivate(
  db: DbOrTx,
  policy: PrivateTargetPolicy,
  workspaceId: string,
): Promise<boolean> {
  if (policy !== "owner") return mayTargetPrivate(policy, false);
  const [row] = await db
    .select({ granted: workspaces.allowPrivateTargets })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId))
    .limit(1);
  return mayTargetPrivate(policy, row?.granted ?? false);
}

/** Of these workspaces, the ones that may contact private addresses under the policy. */
export async function workspacesMayTargetPrivate(
  db: DbOrTx,
  policy: PrivateTargetPolicy,
  workspaceIds: readonly string[],
): Promise<Set<string>> {
  if (policy !== "owner" || workspaceIds.length === 0)
    return new Set(mayTargetPrivate(policy, false) ? workspaceIds : []);
  const rows = await db
    .select({ id: workspaces.id, granted: workspaces.allowPrivateTargets })
    .from(workspaces)
    .where(inArray(workspaces.id, [...new Set(workspaceIds)]));
  return new Set(rows.filter((r) => mayTargetPrivate(policy, r.granted)).map((r) => r.id));
}

/**
 * Refuses to save a target URL that names a private address for a workspace that may not check
 * one: a 400 naming the field. A name that does not resolve now is left to the run-time guard.
 */
export async function assertTargetAllowed({
  ctx,
  field,
  url,
}: {
  ctx: PolicyCtx;
  field: string;
  url: string;
}): Promise<void> {
  if (await workspaceMayTargetPrivate(ctx.db, ctx.policy.privateTargets, ctx.workspaceId)) return;
  const reason = await privateTargetReason(url);
  if (reason)
    throw badInput(field, `${field}: ${reason}; this workspace may not check private addresses`);
}
