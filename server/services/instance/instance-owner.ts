import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { instanceSettings, workspaces } from "@/db/schema";

const OWNER_KEY = "instance_owner_user_id";

/**
 * Makes the user the instance owner unless one exists, and grants their workspace private
 * targets. Run inside the transaction that creates the user: of two racing first sign-ups,
 * the primary key lets exactly one insert win.
 */
export async function claimInstanceOwner(
  tx: DbOrTx,
  userId: string,
  workspaceId: string,
): Promise<boolean> {
  const won = await tx
    .insert(instanceSettings)
    .values({ key: OWNER_KEY, value: userId })
    .onConflictDoNothing()
    .returning({ key: instanceSettings.key });
  if (won.length === 0) return false;
  await tx
    .update(workspaces)
    .set({ allowPrivateTargets: true })
    .where(eq(workspaces.id, workspaceId));
  return true;
}

/** The instance owner's user id, or null while no account exists. */
export async function findInstanceOwnerId(db: DbOrTx): Promise<string | null> {
  const [row] = await db
    .select({ value: instanceSettings.value })
    .from(instanceSettings)
    .where(eq(instanceSettings.key, OWNER_KEY))
    .limit(1);
  return row?.value ?? null;
}
